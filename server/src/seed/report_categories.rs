//! The demo's field report categories (`seed/report_categories.json`):
//! six groups, sixteen categories, each with who handles it and in what
//! time. Written through the categories' store, so each is recorded as
//! created by the seed; a category already there is left as it is.

use crate::field_reports::categories::{create, CategoryData};
use anyhow::Context;
use serde::Deserialize;
use sqlx::PgPool;

const DATA: &str = include_str!("../../seed/report_categories.json");

#[derive(Deserialize)]
struct Seed {
    categories: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    #[serde(flatten)]
    group: CategoryData,
    children: Vec<CategoryData>,
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let seed: Seed = serde_json::from_str(DATA).context("seed/report_categories.json")?;
    let mut tx = pool.begin().await?;
    for (position, group) in seed.categories.into_iter().enumerate() {
        let parent = CategoryData {
            position: position as i32,
            ..group.group
        };
        create(&mut tx, &parent, None).await?;
        for (position, child) in group.children.into_iter().enumerate() {
            let child = CategoryData {
                parent: Some(parent.code.clone()),
                position: position as i32,
                ..child
            };
            create(&mut tx, &child, None).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
