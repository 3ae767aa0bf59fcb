use crate::bot::markup::{Block, Inline, parse_lenient};
use crate::conversation::{Message, Role};
use crate::web::widget::Widget;
use leptos::prelude::*;

/// One message bubble. Text is a text node, never parsed as HTML. A bot's answer is the small
/// safe markup (paragraphs, lists, bold, links), parsed in Rust and built as elements; links
/// open in a new tab without handing the page to it. Screen readers hear who spoke first
/// ("Assistant: …"); sighted visitors see it from the bubble's side and colour.
#[component]
pub fn MessageBubble(
    /// The message to show.
    message: Message,
) -> impl IntoView {
    let strings = expect_context::<Widget>().strings();
    let role = message.role.as_str();
    let speaker = match message.role {
        Role::Visitor => strings.you,
        Role::Bot => strings.assistant,
        Role::Agent => strings.agent,
        Role::System => strings.notice,
    };
    let body = match message.role {
        Role::Bot => parse_lenient(&message.text)
            .into_iter()
            .map(block)
            .collect_view()
            .into_any(),
        _ => message.text.into_any(),
    };
    view! {
        <div part=format!("message {role}") class=format!("message {role}")>
            <span class="sr-only">{speaker}": "</span>
            {body}
        </div>
    }
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(line) => view! { <p class="md">{inlines(line)}</p> }.into_any(),
        Block::List(items) => view! {
            <ul class="md">
                {items.into_iter().map(|item| view! { <li>{inlines(item)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

fn inlines(line: Vec<Inline>) -> impl IntoView {
    line.into_iter()
        .map(|piece| match piece {
            Inline::Text(text) => text.into_any(),
            Inline::Bold(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Break => view! { <br/> }.into_any(),
            Inline::Link { text, href } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{text}</a>
            }
            .into_any(),
        })
        .collect_view()
}
