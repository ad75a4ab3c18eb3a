//! In a rehearsal with a simulated patient and `--monitor`, the patient's
//! monitor sends its readings to kap's own listener as PCD-01 messages
//! (`rehearsal::pcd01`) over MLLP from a thread of its own, so the
//! readings reach the record only the way a real monitor's do: through
//! the listener, unconfirmed until the trainee confirms them. The cuff
//! cycles at the protocol's vitals interval (`interval_minutes.min`); the
//! continuous measures go once a simulated minute. The instructor's
//! failed cuff or probe is sent as a failing device sends it.

use super::*;
use crate::monitor::mllp;
use crate::rehearsal::pcd01::{self, Sent};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

/// How often, in simulated time, the continuous measures are sent: a
/// simulation's cadence, not a clinical value.
const CONTINUOUS_EVERY: Millis = crate::session::MINUTE;

pub struct SimFeed {
    tx: mpsc::Sender<Vec<u8>>,
    next_cuff: Option<Moment>,
    next_continuous: Option<Moment>,
    sent: u64,
}

impl SimFeed {
    /// A sender thread connected (and reconnected) to `addr`.
    pub fn start(addr: SocketAddr) -> SimFeed {
        let (tx, rx) = mpsc::channel::<Vec<u8>>();
        let _ = std::thread::Builder::new()
            .name("kap-sim-monitor".into())
            .spawn(move || {
                let mut stream: Option<TcpStream> = None;
                for m in rx {
                    if stream.is_none() {
                        stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok();
                        if let Some(s) = &stream {
                            let _ = s.set_read_timeout(Some(Duration::from_secs(15)));
                        }
                    }
                    let Some(s) = &mut stream else { continue };
                    if s.write_all(&mllp::frame(&m)).is_err() || !read_ack(s) {
                        stream = None;
                    }
                }
            });
        SimFeed {
            tx,
            next_cuff: None,
            next_continuous: None,
            sent: 0,
        }
    }
}

/// Read one framed answer (its content does not matter to the sender).
fn read_ack(s: &mut TcpStream) -> bool {
    let mut got = Vec::new();
    let mut buf = [0u8; 512];
    while !got.ends_with(&[mllp::END, mllp::CR]) {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
        if got.len() > 64 * 1024 {
            return false;
        }
    }
    true
}

impl App {
    /// Every tick of a rehearsal with a patient and a monitor listener:
    /// send what the simulated monitor measures now, when it is due.
    pub(super) fn on_sim_feed(&mut self, now: &Moment) {
        if !self.rehearsal || self.sim.is_none() {
            return;
        }
        let Some(addr) = self.monitor.as_ref().map(|m| m.addr()) else {
            return;
        };
        let Screen::Session(v) = &self.screen else {
            return;
        };
        if v.open.session.closed.is_some() {
            return;
        }
        let origin = v.open.session.started_at.clone();
        let dosing = v.open.session.dosing.started.clone();
        let patient = v.open.session.start.patient.clone();
        let every = i64::from(self.protocol.vitals.interval_minutes.min) * crate::session::MINUTE;
        let feed = self.sim_feed.get_or_insert_with(|| SimFeed::start(addr));
        let mut out = Vec::new();
        if feed.next_cuff.as_ref().is_none_or(|t| now.since(t) >= 0) {
            feed.next_cuff = Some(now.plus(every.max(crate::session::MINUTE)));
            out.push(true);
        }
        if feed
            .next_continuous
            .as_ref()
            .is_none_or(|t| now.since(t) >= 0)
        {
            feed.next_continuous = Some(now.plus(CONTINUOUS_EVERY));
            out.push(false);
        }
        for cuff in out {
            let Some(sim) = &mut self.sim else { return };
            let sent = if cuff {
                Sent::Cuff(sim.cycle_cuff(now, &origin, dosing.as_ref()))
            } else {
                let view = sim.view(now, &origin, dosing.as_ref());
                Sent::Continuous {
                    hr: view.hr,
                    spo2: view.spo2,
                }
            };
            let Some(feed) = &mut self.sim_feed else {
                return;
            };
            feed.sent += 1;
            let control = format!("SIM-{}-{}", now.mono, feed.sent);
            let m = pcd01::message(&control, &patient, &now.wall, sent);
            let _ = feed.tx.send(m.into_bytes());
        }
    }
}
