//! Where a field sits, which sets its key and its message prefix.

use super::*;

/// Where a field sits: in the form itself, or in one item of a group (whose
/// fields refer to their siblings in the same item).
pub(super) enum Scope<'g> {
    Form,
    Item {
        group: &'g str,
        siblings: &'g [Field],
        index: usize,
        /// "Nơi cư trú 2: ", put before each message of the item.
        prefix: String,
    },
}

impl Scope<'_> {
    pub(super) fn key(&self, name: &str) -> String {
        match self {
            Scope::Form => name.to_string(),
            Scope::Item {
                group,
                siblings,
                index,
                ..
            } if siblings.iter().any(|field| field.name == name) => {
                keys::group_item_key(group, *index, name)
            }
            Scope::Item { .. } => name.to_string(),
        }
    }

    pub(super) fn prefix(&self) -> &str {
        match self {
            Scope::Form => "",
            Scope::Item { prefix, .. } => prefix,
        }
    }
}
