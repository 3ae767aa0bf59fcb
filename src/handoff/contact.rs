//! The contact step: what the visitor must give before a handoff goes out, checked here so
//! the form and its tests agree. Only what a destination needs is required: an email for
//! Zendesk and email destinations, the consent box when the site owner configured one.

use crate::config::is_email;

/// What is wrong with a field of the contact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactError {
    /// The email is needed and was left empty.
    EmailRequired,
    /// The email cannot be an address.
    EmailInvalid,
    /// The consent box is not ticked.
    ConsentRequired,
}

/// What the form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRules {
    /// An email is required (a destination needs it, and the visitor is not known).
    pub email_required: bool,
    /// The consent checkbox is shown and must be ticked.
    pub consent: bool,
}

/// What the visitor filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// Name, possibly empty.
    pub name: String,
    /// Email, possibly empty.
    pub email: String,
    /// Whether the consent box is ticked.
    pub consented: bool,
}

/// Every problem, at most one per field: `(email, consent)`.
pub fn check(
    rules: &ContactRules,
    contact: &Contact,
) -> (Option<ContactError>, Option<ContactError>) {
    let email = contact.email.trim();
    let email_error = if email.is_empty() {
        rules.email_required.then_some(ContactError::EmailRequired)
    } else if !is_email(email) {
        Some(ContactError::EmailInvalid)
    } else {
        None
    };
    let consent_error =
        (rules.consent && !contact.consented).then_some(ContactError::ConsentRequired);
    (email_error, consent_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContactError::*;

    #[test]
    fn table() {
        let required = ContactRules {
            email_required: true,
            consent: true,
        };
        let optional = ContactRules {
            email_required: false,
            consent: false,
        };
        let cases = [
            (
                &required,
                "",
                false,
                (Some(EmailRequired), Some(ConsentRequired)),
            ),
            (&required, "ana@example.com", true, (None, None)),
            (&required, "  ana@example.com ", true, (None, None)),
            (&required, "ana@", true, (Some(EmailInvalid), None)),
            (&optional, "", false, (None, None)),
            (&optional, "not an email", false, (Some(EmailInvalid), None)),
        ];
        for (rules, email, consented, expected) in cases {
            let contact = Contact {
                name: String::new(),
                email: email.into(),
                consented,
            };
            assert_eq!(check(rules, &contact), expected, "{email:?}");
        }
    }
}
