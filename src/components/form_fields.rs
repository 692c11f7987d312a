//! Form fields bound to a draft: the label, a hint, a character count, and the
//! field's own error, each tied to the control so a screen reader says them.

use leptos::prelude::*;

use crate::domain::forms::{
    count_label, FieldProblem, FormDraft, Question, QuestionGroup, QuestionKind, SignupForm, Typed,
    DEFAULT_MAX_LENGTH,
};

/// How a text field is typed on a phone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keyboard {
    #[default]
    Text,
    /// Digits only (an age, a count).
    Number,
    Phone,
    /// Several lines, with a character count.
    Lines,
}

/// A text box (or area) whose value lives in a draft: `value` reads it, `set` writes it.
#[component]
pub fn TextField(
    /// The control's id, unique on the page; its hint, count and error hang off it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// A line under the label; none when empty.
    #[prop(optional, into)]
    hint: String,
    /// Shows "已写 n 字，还能写 m 字" under the field; none when 0.
    #[prop(optional)]
    max_chars: usize,
    #[prop(optional)] keyboard: Keyboard,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let hint = (!hint.is_empty()).then_some(hint);
    let max_chars = (max_chars > 0).then_some(max_chars);
    let (hint_id, count_id, error_id) = (format!("{id}-hint"), format!("{id}-count"), format!("{id}-error"));
    let described =
        [hint.as_ref().map(|_| hint_id.clone()), max_chars.map(|_| count_id.clone()), Some(error_id.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
    let invalid = move || error.with(Option::is_some).then_some("true");
    let on_input = move |ev| set.run(event_target_value(&ev));
    let (input_type, input_mode, autocomplete) = match keyboard {
        Keyboard::Number => ("text", Some("numeric"), None),
        Keyboard::Phone => ("tel", Some("tel"), Some("tel")),
        Keyboard::Text | Keyboard::Lines => ("text", None, None),
    };
    let control = if keyboard == Keyboard::Lines {
        view! {
            <textarea id=id.clone() rows="5" aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=input_type inputmode=input_mode autocomplete=autocomplete
                aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label class="field-label" for=id>
                {label}{optional.then(|| view! { <span class="field-optional">"（选填）"</span> })}
            </label>
            {hint.map(|hint| view! { <span id=hint_id class="hint">{hint}</span> })}
            {control}
            {max_chars.map(|max| view! {
                <span id=count_id class="hint">{move || value.with(|text| count_label(text, max))}</span>
            })}
            <span id=error_id class="field-error">{move || error.get()}</span>
        </div>
    }
}

/// One answer out of a few, as radio buttons in a labelled group.
#[component]
pub fn ChoiceField(
    /// The radio buttons' name, unique on the page.
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
    options: Vec<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: String,
) -> impl IntoView {
    let hint = (!hint.is_empty()).then_some(hint);
    let (error_id, described) = (format!("{name}-error"), format!("{name}-error"));
    view! {
        <fieldset class="field choices" aria-describedby=described>
            <legend class="field-label">{label}</legend>
            {hint.map(|hint| view! { <span class="hint">{hint}</span> })}
            {options.into_iter().map(|option| {
                let (checked, chosen) = (option.clone(), option.clone());
                view! {
                    <label class="choice">
                        <input type="radio" name=name.clone() value=option.clone()
                            prop:checked=move || value.with(|v| *v == checked)
                            on:change=move |_| set.run(chosen.clone()) />
                        <span>{option}</span>
                    </label>
                }
            }).collect_view()}
            <span id=error_id class="field-error">{move || error.get()}</span>
        </fieldset>
    }
}

/// The questions of `form`, bound to `draft`: those asked once, then one block
/// per group member, with 添加 and 删除 within the group's bounds. Each field
/// shows its own problem from `problems` (empty until the first try to send).
#[component]
pub fn FormFields(
    /// Starts every control's id, so that two forms can share a page.
    prefix: &'static str,
    form: SignupForm,
    draft: RwSignal<FormDraft>,
    #[prop(into)] problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let once = form
        .questions
        .iter()
        .map(|question| view! { <QuestionField prefix question=question.clone() member=None draft problems /> })
        .collect_view();
    let group = form.group.map(|group| view! { <GroupFields prefix group draft problems /> });
    view! { {once} {group} }
}

#[component]
fn GroupFields(
    prefix: &'static str,
    group: QuestionGroup,
    draft: RwSignal<FormDraft>,
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| d.members.len()));
    let (min, max, noun) = (group.min as usize, group.max as usize, group.noun.clone());
    let questions = StoredValue::new(group.questions);
    let bounds_error = move || {
        problems.with(|all| {
            all.iter().find(|p| p.member.is_none() && p.question.is_empty()).map(|p| p.message.clone())
        })
    };
    let members = move || {
        (0..count.get())
            .map(|index| {
                let legend = format!("第 {} 个{}", index + 1, noun);
                let remove = format!("删除第 {} 个{}", index + 1, noun);
                let fields = questions.with_value(|questions| {
                    questions
                        .iter()
                        .map(|question| {
                            view! { <QuestionField prefix question=question.clone() member=Some(index) draft problems /> }
                        })
                        .collect_view()
                });
                view! {
                    <fieldset class="member">
                        <legend class="member-title">{legend}</legend>
                        {fields}
                        {(count.get() > min.max(1)).then(|| view! {
                            <button type="button" class="button button-secondary"
                                on:click=move |_| draft.update(|d| { d.members.remove(index); })>
                                {remove.clone()}
                            </button>
                        })}
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_label = format!("再加一个{}", group.noun);
    view! {
        <div class="members">
            {members}
            <p class="field-error" role="status">{bounds_error}</p>
            <Show when=move || { count.get() < max }>
                <button type="button" class="button button-secondary"
                    on:click=move |_| draft.update(|d| d.members.push(Typed::new()))>
                    {add_label.clone()}
                </button>
            </Show>
        </div>
    }
}

/// One question as the control its type asks for.
#[component]
fn QuestionField(
    prefix: &'static str,
    question: Question,
    member: Option<usize>,
    draft: RwSignal<FormDraft>,
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let id = field_id(prefix, member, &question.id);
    let key = question.id.clone();
    let value = Signal::derive({
        let key = key.clone();
        move || {
            draft.with(|d| {
                let answers = match member {
                    None => Some(&d.answers),
                    Some(index) => d.members.get(index),
                };
                answers.and_then(|a| a.get(&key)).cloned().unwrap_or_default()
            })
        }
    });
    let set = Callback::new(move |text: String| {
        draft.update(|d| {
            let answers = match member {
                None => Some(&mut d.answers),
                Some(index) => d.members.get_mut(index),
            };
            if let Some(answers) = answers {
                answers.insert(key.clone(), text);
            }
        })
    });
    let asked = question.id.clone();
    let error = Signal::derive(move || {
        problems.with(|all| {
            all.iter().find(|p| p.member == member && p.question == asked).map(|p| p.message.clone())
        })
    });
    let label = question.label.clone();
    let hint = question.hint.clone();
    match question.kind {
        QuestionKind::Choice => {
            view! { <ChoiceField name=id label options=question.options value set error hint=hint.unwrap_or_default() /> }
                .into_any()
        }
        kind => {
            let long = question.max_length.is_some_and(|max| max as usize > DEFAULT_MAX_LENGTH);
            let keyboard = match kind {
                QuestionKind::Number => Keyboard::Number,
                QuestionKind::Phone => Keyboard::Phone,
                _ if long => Keyboard::Lines,
                _ => Keyboard::Text,
            };
            let max_chars = long.then(|| question.max_length.unwrap_or_default() as usize);
            view! {
                <TextField id label value set error hint=hint.unwrap_or_default() keyboard
                    max_chars=max_chars.unwrap_or_default() optional=!question.required />
            }
            .into_any()
        }
    }
}

/// The id of a question's control: `prefix-once-age`, `prefix-2-age`.
pub fn field_id(prefix: &str, member: Option<usize>, question: &str) -> String {
    match member {
        None => format!("{prefix}-once-{question}"),
        Some(index) => format!("{prefix}-{index}-{question}"),
    }
}

/// Every problem of a form in words, where the worker looks after tapping send;
/// it takes the focus so that a screen reader reads it.
#[component]
pub fn FormProblems(#[prop(into)] id: String, #[prop(into)] lines: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <div id=id tabindex="-1" role="alert">
            {move || (!lines.with(Vec::is_empty)).then(|| view! {
                <div class="notice notice-error">
                    <p class="notice-title">"还不能提交"</p>
                    <ul>{lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            })}
        </div>
    }
}
