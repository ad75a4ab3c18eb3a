//! Protocol files: the format, loading, validation with exact errors, and
//! dose arithmetic. See `docs/protocol-format.md` for the file format.

pub mod diagnostic;
pub mod dose;
pub mod load;
pub mod locate;
pub mod model;
pub mod plausible;
pub mod site_values;
pub mod validate;
pub mod values;

pub use diagnostic::{Diagnostic, Level};
pub use load::{Loaded, load_bytes, load_file, load_str};
pub use model::*;
