//! Plans over time: a dated team's timeline of headcount, fte and cost, its open positions
//! as a hiring plan, and plans compared.

mod compare;
mod entries;
mod gaps;
mod period;
mod timeline;

pub use compare::{Change, Figures, Kind, changes, cost_in, figures};
pub use entries::{Entry, Plan};
pub use gaps::Gap;
pub use period::{By, MAX_PERIODS, Period, default_range, period_count, periods, year_from};
pub use timeline::{Row, Timeline, Total, timeline};
