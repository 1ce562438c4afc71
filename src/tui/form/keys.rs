//! The fields of each form, named by an enum per form: code reads and fills a field by its
//! key, so renaming a label on screen cannot silently break a save. The label is what the
//! form shows beside the field, in the language spoken (from the catalogue).

/// Declares one form's field enum, the label of each field, and how it becomes a `FieldKey`.
macro_rules! form_fields {
    ($(#[$doc:meta])* $name:ident { $($field:ident => $label:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($field),+
        }

        impl $name {
            pub fn label(self) -> String {
                match self {
                    $(Self::$field => $label),+
                }
            }
        }

        impl From<$name> for FieldKey {
            fn from(field: $name) -> FieldKey {
                FieldKey::$name(field)
            }
        }
    };
}

/// Any form's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    CustomerField(CustomerField),
    PersonField(PersonField),
    LogField(LogField),
    FollowUpField(FollowUpField),
    SnoozeField(SnoozeField),
    DealField(DealField),
    ComplaintField(ComplaintField),
    ImportField(ImportField),
}

impl FieldKey {
    pub fn label(self) -> String {
        match self {
            FieldKey::CustomerField(f) => f.label(),
            FieldKey::PersonField(f) => f.label(),
            FieldKey::LogField(f) => f.label(),
            FieldKey::FollowUpField(f) => f.label(),
            FieldKey::SnoozeField(f) => f.label(),
            FieldKey::DealField(f) => f.label(),
            FieldKey::ComplaintField(f) => f.label(),
            FieldKey::ImportField(f) => f.label(),
        }
    }
}

form_fields!(
    /// Adding or editing a customer.
    CustomerField {
        Name => t!("form-customer-name"),
        Kind => t!("form-kind"),
        City => t!("form-city"),
        Phone => t!("form-phone"),
        Email => t!("form-email"),
        WeChat => t!("form-wechat"),
        Tier => t!("form-tier"),
        Stage => t!("form-customer-stage"),
        WhyByHand => t!("form-why-by-hand"),
        Tags => t!("form-tags"),
        Industry => t!("form-industry"),
        Address => t!("form-address"),
        Website => t!("form-website"),
        LeadSource => t!("form-lead-source"),
        Birthday => t!("form-birthday"),
        Cadence => t!("form-cadence"),
        Notes => t!("form-notes"),
    }
);

form_fields!(
    /// Adding a person (contact) at a customer.
    PersonField {
        Name => t!("form-person-name"),
        Title => t!("form-person-title"),
        Phone => t!("form-phone"),
        Email => t!("form-email"),
        WeChat => t!("form-wechat"),
        Birthday => t!("form-birthday"),
        Notes => t!("form-notes"),
    }
);

form_fields!(
    /// Logging a contact, with an optional next step.
    LogField {
        Summary => t!("form-summary"),
        Channel => t!("form-channel"),
        Outcome => t!("form-outcome"),
        With => t!("form-with"),
        When => t!("form-when"),
        FollowUpDate => t!("form-follow-up-date"),
        FollowUpTask => t!("form-follow-up-task"),
        Repeat => t!("form-repeat"),
        Satisfaction => t!("form-satisfaction"),
        Closes => t!("form-closes"),
    }
);

form_fields!(
    /// Adding a follow-up.
    FollowUpField {
        Task => t!("form-task"),
        Due => t!("form-due"),
        Repeat => t!("form-repeat"),
    }
);

form_fields!(
    /// Snoozing a follow-up.
    SnoozeField {
        Until => t!("form-until"),
    }
);

form_fields!(
    /// Adding a deal or editing one picked in the form.
    DealField {
        Deal => t!("form-deal"),
        Title => t!("form-deal-title"),
        Amount => t!("form-amount"),
        Currency => t!("form-currency"),
        Stage => t!("form-deal-stage"),
        OrderDate => t!("form-order-date"),
        ExpectedClose => t!("form-expected-close"),
    }
);

form_fields!(
    /// Recording a complaint or moving one on.
    ComplaintField {
        Complaint => t!("form-complaint"),
        What => t!("form-what"),
        Severity => t!("form-severity"),
        Status => t!("form-status"),
        Opened => t!("form-opened"),
        ResolvedOn => t!("form-resolved-on"),
        Resolution => t!("form-resolution"),
        Satisfaction => t!("form-satisfaction"),
    }
);

form_fields!(
    /// Naming a file to import, and how.
    ImportField {
        File => t!("form-file"),
        Duplicates => t!("form-duplicates"),
        BadRows => t!("form-bad-rows"),
    }
);
