//! The fields of each form, named by an enum per form: code reads and fills a field by its
//! key, so renaming a label on screen cannot silently break a save. The label is what the
//! form shows beside the field.

/// Declares one form's field enum, the label of each field, and how it becomes a `FieldKey`.
macro_rules! form_fields {
    ($(#[$doc:meta])* $name:ident { $($field:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($field),+
        }

        impl $name {
            pub const fn label(self) -> &'static str {
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
    pub const fn label(self) -> &'static str {
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
        Name => "Name",
        Kind => "Kind",
        City => "City",
        Phone => "Phone",
        Email => "Email",
        WeChat => "WeChat",
        Tier => "Tier",
        Stage => "Stage",
        WhyByHand => "Why by hand",
        Tags => "Tags",
        Industry => "Industry",
        Address => "Address",
        Website => "Website",
        LeadSource => "Lead source",
        Birthday => "Birthday",
        Cadence => "Cadence (days)",
        Notes => "Notes",
    }
);

form_fields!(
    /// Adding a person (contact) at a customer.
    PersonField {
        Name => "Name",
        Title => "Title",
        Phone => "Phone",
        Email => "Email",
        WeChat => "WeChat",
        Birthday => "Birthday",
        Notes => "Notes",
    }
);

form_fields!(
    /// Logging a contact, with an optional next step.
    LogField {
        Summary => "Summary",
        Channel => "Channel",
        Outcome => "Outcome",
        With => "With",
        When => "When",
        FollowUpDate => "Follow-up date",
        FollowUpTask => "Follow-up task",
        Repeat => "Repeat",
        Satisfaction => "Satisfaction",
        Closes => "Closes",
    }
);

form_fields!(
    /// Adding a follow-up.
    FollowUpField {
        Task => "Task",
        Due => "Due",
        Repeat => "Repeat",
    }
);

form_fields!(
    /// Snoozing a follow-up.
    SnoozeField {
        Until => "Until",
    }
);

form_fields!(
    /// Adding a deal or editing one picked in the form.
    DealField {
        Deal => "Deal",
        Title => "Title",
        Amount => "Amount",
        Currency => "Currency",
        Stage => "Stage",
        OrderDate => "Order date",
        ExpectedClose => "Expected close",
    }
);

form_fields!(
    /// Recording a complaint or moving one on.
    ComplaintField {
        Complaint => "Complaint",
        What => "What",
        Severity => "Severity",
        Status => "Status",
        Opened => "Opened",
        ResolvedOn => "Resolved on",
        Resolution => "Resolution",
        Satisfaction => "Satisfaction",
    }
);

form_fields!(
    /// Naming a file to import, and how.
    ImportField {
        File => "File",
        Duplicates => "Duplicates",
        BadRows => "Bad rows",
    }
);
