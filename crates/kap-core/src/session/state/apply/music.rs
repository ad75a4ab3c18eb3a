//! Music: chosen, started, tracks, problems, stopped or ended.

use super::*;

impl Session {
    pub(super) fn choose_music(
        &mut self,
        playlist: &Option<String>,
        support: &Option<String>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        if let Some(s) = support {
            let known = self
                .protocol
                .music
                .as_ref()
                .is_some_and(|m| m.supports.iter().any(|x| &x.id == s));
            if !known {
                return Err(Refusal::new(crate::phrase!(
                    "ref-unknown-support",
                    support = s.clone()
                )));
            }
        }
        self.music.playlist = playlist.clone();
        self.music.support = support.clone();
        self.music.chosen.push(at.clone());
        Ok(())
    }

    pub(super) fn start_music(
        &mut self,
        track: &Option<String>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        if self.music.is_playing() {
            return Err(Refusal::new(crate::phrase!("ref-music-is-already-playing")));
        }
        self.music.played.push((at.clone(), None));
        if let Some(t) = track {
            self.music.tracks.push((at.clone(), t.clone()));
        }
        Ok(())
    }

    pub(super) fn change_track(&mut self, track: &str, at: &Moment) -> Result<(), Refusal> {
        self.music.tracks.push((at.clone(), track.to_string()));
        Ok(())
    }

    pub(super) fn music_problem(&mut self, text: &str, at: &Moment) -> Result<(), Refusal> {
        self.music.problems.push((at.clone(), text.to_string()));
        Ok(())
    }

    pub(super) fn music_stopped(
        &mut self,
        reason: &Option<String>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        self.stop_music(at)?;
        // Journals before this version wrote the clinician's stop
        // in English; it is the same fact as no reason.
        let r = reason.clone().filter(|r| r != "stopped by the clinician");
        self.music.stop_reasons.push((at.clone(), r));
        Ok(())
    }

    pub(super) fn stop_music(&mut self, at: &Moment) -> Result<(), Refusal> {
        match self.music.played.last_mut() {
            Some((_, end @ None)) => {
                *end = Some(at.clone());
                Ok(())
            }
            _ => Err(Refusal::new(crate::phrase!("ref-no-music-is-playing"))),
        }
    }
}
