//! The one escaper for each output context. Every renderer writes user text (names, ids,
//! file paths, messages quoting them) through the function for its context, so a name can
//! never become markup, a command or a terminal escape there.

mod markup;
mod text;

pub use markup::{
    csv_cell, github_data, github_property, html, html_attr, html_message, markdown,
    markdown_message, mermaid_label, mermaid_node,
};
pub use text::{
    is_inert, json_invisibles, no_line_a_ci_command, path, shell_path, terminal,
    terminal_keep_lines, terminal_same_len,
};

#[cfg(test)]
mod tests;
