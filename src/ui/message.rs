use crate::conversation::{Message, Role};
use crate::web::widget::Widget;
use leptos::prelude::*;

/// One message bubble. The text is a text node, never parsed as HTML. Screen readers hear
/// who spoke first ("Assistant: …"); sighted visitors see it from the bubble's side and colour.
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
    view! {
        <div part=format!("message {role}") class=format!("message {role}")>
            <span class="sr-only">{speaker}": "</span>
            {message.text}
        </div>
    }
}
