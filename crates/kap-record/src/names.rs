//! The names of the files that parts above the record write in a session
//! folder (push, the rehearsal, the instructor's link), kept here so the
//! record's audit knows every file of a folder without reaching up to
//! them: each part's own constant is one of these.

/// `kap push`'s status of a session (`push::outbox`).
pub const PUSH_STATUS: &str = "push.json";
/// The rehearsal's simulation log (`rehearsal::simlog`).
pub const SIMULATION_LOG: &str = "simulation.jsonl";
/// The scenario a rehearsal runs, copied into its folder at the start.
pub const SCENARIO_COPY: &str = "scenario.toml";
/// The instructor's socket, while a rehearsal runs (`instruct`).
pub const INSTRUCTOR_SOCKET: &str = "instructor.sock";
/// The link from a branch to the rehearsal it came from
/// (`rehearsal::branch`).
pub const BRANCH_FILE: &str = "branch.json";
