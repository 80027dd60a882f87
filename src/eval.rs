//! `factdesk eval`: scores the engine on a question file.
