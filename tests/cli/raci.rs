//! `teamplan raci` as a user runs it.
