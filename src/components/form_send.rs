//! Sending a form: its draft kept on the phone, its problems shown by their
//! fields on the first try, and the write sent once per intent, however often
//! it is tapped or retried (see [`use_once_action`]).

use std::future::Future;

use leptos::prelude::*;

use super::{use_draft, use_once_action, FormFields, FormProblems, OnceAction};
use crate::{
    api::{ApiClient, ApiError},
    domain::forms::{Answers, FieldProblem, FormDraft, SignupForm},
    platform::dom,
};

pub struct FormSend<T: Send + Sync + 'static> {
    pub draft: RwSignal<FormDraft>,
    /// Every problem of the draft, once a first try has been made.
    pub problems: Signal<Vec<FieldProblem>>,
    /// The same in words that stand alone, for the summary.
    pub lines: Signal<Vec<String>>,
    pub action: OnceAction<T>,
    submit: Callback<()>,
}

impl<T: Send + Sync + 'static> Clone for FormSend<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FormSend<T> {}

impl<T: Send + Sync + 'static> FormSend<T> {
    /// Checks the draft; sends it when it is right, else points at what is wrong.
    pub fn submit(&self) {
        self.submit.run(());
    }

    /// Runs `then` once the backend has accepted the form, or refused it with
    /// one of `codes` (a refusal that means the page is out of date, e.g.
    /// another phone did it first): the page then loads what is true now.
    pub fn after(self, codes: &'static [&'static str], then: Callback<()>) {
        Effect::new(move |_| {
            let changed = self.action.outcome.with(|outcome| match outcome {
                Some(Ok(_)) => true,
                Some(Err(error)) => error.code().is_some_and(|code| codes.contains(&code)),
                None => false,
            });
            if changed {
                then.run(());
            }
        });
    }
}

/// The form itself: its fields, the summary of its problems, what the backend
/// answered, and the send button (`label`, or `pending` while it goes).
#[component]
pub fn SendForm<T: Send + Sync + 'static>(
    prefix: &'static str,
    form: SignupForm,
    send: FormSend<T>,
    label: &'static str,
    pending: &'static str,
    /// Said once the backend has accepted it.
    done: &'static str,
    /// Shown between the fields and the button.
    #[prop(optional)]
    note: Option<&'static str>,
) -> impl IntoView {
    let problems_id = format!("{prefix}-problems");
    view! {
        <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); send.submit(); }>
            <FormFields prefix form draft=send.draft problems=send.problems />
            {note.map(|note| view! { <p class="hint">{note}</p> })}
            <FormProblems id=problems_id lines=send.lines />
            {move || send.action.outcome.with(|outcome| match outcome {
                Some(Ok(_)) => Some(view! { <p class="status status-open" role="status">{done}</p> }.into_any()),
                Some(Err(error)) => Some(view! { <p class="form-message" role="alert">{error.user_message()}</p> }.into_any()),
                None => None,
            })}
            <div class="actions">
                <button type="submit" class="button" disabled=move || send.action.pending.get()>
                    {move || if send.action.pending.get() { pending } else { label }}
                </button>
            </div>
        </form>
    }
}

/// A form for `form` whose draft is kept under `draft_key` and which is sent by
/// `send(api, idempotency_key, answers, group)` as the intent `intent`. Shown
/// by [`SendForm`] with the same `prefix`, whose summary of problems takes the
/// focus when a try fails. Once the backend has accepted it, the draft starts afresh.
pub fn use_form_send<T, Fut>(
    prefix: &'static str,
    form: SignupForm,
    draft_key: String,
    intent: String,
    return_to: String,
    send: impl Fn(ApiClient, String, Answers, Vec<Answers>) -> Fut + Send + Sync + 'static,
) -> FormSend<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let form = StoredValue::new(form);
    let draft = use_draft::<FormDraft>(draft_key);
    if draft.with_untracked(FormDraft::is_blank) {
        draft.set(form.with_value(FormDraft::for_form));
    }
    let tried = RwSignal::new(false);
    let checked = Memo::new(move |_| draft.with(|d| form.with_value(|f| f.check_draft(d))));
    let problems = Signal::derive(move || match (tried.get(), checked.get()) {
        (true, Err(problems)) => problems,
        _ => Vec::new(),
    });
    let lines = Signal::derive(move || {
        problems.with(|all| form.with_value(|f| all.iter().map(|p| f.describe(p)).collect()))
    });
    let action = use_once_action(intent, return_to, move |api, key| {
        let (answers, group) = checked.get_untracked().unwrap_or_default();
        send(api, key, answers, group)
    });
    // Accepted: the next one starts from an empty form.
    Effect::new(move |_| {
        if action.outcome.with(|outcome| matches!(outcome, Some(Ok(_)))) {
            tried.set(false);
            draft.set(form.with_value(FormDraft::for_form));
        }
    });
    let submit = Callback::new(move |()| {
        tried.set(true);
        if checked.with_untracked(Result::is_ok) {
            action.run();
        } else {
            dom::focus_by_id(&format!("{prefix}-problems"));
        }
    });
    FormSend { draft, problems, lines, action, submit }
}
