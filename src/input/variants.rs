//! The names serde accepts for a unit-only enum, read from its own `Deserialize`: a schema
//! that lists them cannot drift from the parser.

use std::fmt;

use serde::Deserialize;
use serde::de::Visitor;

/// The variant names `T` deserializes from (after `rename_all`), in declaration order; empty
/// when `T` is not an enum.
pub fn names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Found(names)) => names,
        Ok(_) => &[],
    }
}

/// A deserializer that answers nothing and records the variants it is asked about.
struct Probe;

/// Carries the names out of the deserializer as its "error".
#[derive(Debug)]
struct Found(&'static [&'static str]);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} variants", self.0.len())
    }
}

impl std::error::Error for Found {}

impl serde::de::Error for Found {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Found(&[])
    }
}

impl<'de> serde::Deserializer<'de> for Probe {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(&[]))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[allow(dead_code)]
    enum Colour {
        DarkRed,
        Blue,
    }

    #[test]
    fn reads_the_renamed_variants() {
        assert_eq!(super::names::<Colour>(), ["dark-red", "blue"]);
        assert!(super::names::<String>().is_empty());
    }
}
