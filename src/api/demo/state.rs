//! What the demo transport remembers of a worker's writes, kept in local storage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Writes made in demo mode; they survive a reload because the transport stores them.
///
/// What the worker made is kept as the contract's JSON, so that a read passes
/// it on as it is: the chunk of the backend's reads decodes none of the models.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DemoState {
    /// Course ids the demo worker enrolled in.
    pub enrolments: Vec<String>,
    /// Campaign ids the demo worker checked in to.
    pub checkins: Vec<String>,
    /// Reports sent in demo mode, newest first.
    pub reports: Vec<Value>,
    /// Photos uploaded in demo mode: their size in bytes by upload id (the pictures are not kept).
    pub uploads: BTreeMap<String, u64>,
    /// Redemptions made in demo mode, newest first.
    pub redemptions: Vec<Value>,
    /// Points earned and spent in demo mode, newest first.
    pub ledger: Vec<Value>,
    /// Nominations made in demo mode, newest first.
    pub nominations: Vec<Value>,
    /// Applications to 先锋骑士团 made in demo mode, newest first.
    pub knight_applications: Vec<Value>,
    /// Opinions sent in demo mode, newest first, each with its `topic_id`.
    pub opinions: Vec<Value>,
    /// Sign-ups for activities made in demo mode, newest first.
    pub signups: Vec<Value>,
    /// First answers by idempotency key, so a repeated write returns the same result.
    pub replies: BTreeMap<String, StoredReply>,
    /// Source of ids for things created in demo mode.
    pub next_id: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredReply {
    pub status: u16,
    pub body: String,
}

/// A list of the demo state whose first entry changes a read that is,
/// until then, a data file as it is (`router::file_as_it_is`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateList {
    Enrolments,
    Redemptions,
}

impl StateList {
    /// Its field in the stored state's JSON.
    pub fn field(self) -> &'static str {
        match self {
            StateList::Enrolments => "enrolments",
            StateList::Redemptions => "redemptions",
        }
    }
}

impl DemoState {
    /// Whether `list` has anything in it.
    pub fn has_any(&self, list: StateList) -> bool {
        match list {
            StateList::Enrolments => !self.enrolments.is_empty(),
            StateList::Redemptions => !self.redemptions.is_empty(),
        }
    }

    /// A fresh id with the given prefix, e.g. `rep-demo-3`.
    pub fn new_id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}-demo-{}", self.next_id)
    }

    /// The points earned (not spent) in demo mode.
    pub fn points_earned(&self) -> i64 {
        self.deltas().map(|delta| delta.max(0)).sum()
    }

    /// The sum of the points earned and spent in demo mode.
    pub fn points_delta(&self) -> i64 {
        self.deltas().sum()
    }

    /// How many times the demo worker redeemed the reward `id`.
    pub fn redeemed(&self, id: &str) -> u64 {
        self.redemptions.iter().filter(|r| r["reward_id"] == id).count() as u64
    }

    fn deltas(&self) -> impl Iterator<Item = i64> + '_ {
        self.ledger.iter().filter_map(|entry| entry["delta"].as_i64())
    }
}
