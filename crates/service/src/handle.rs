//! The engine every edge answers from, swappable while the process runs.

use std::sync::{Arc, RwLock};

use factdesk_core::Engine;

/// The engine the edges answer from, swappable while the bot runs (so that
/// the knowledge can be reloaded without a restart). Cheap to clone.
#[derive(Clone)]
pub struct EngineHandle(Arc<RwLock<Arc<Engine>>>);

impl EngineHandle {
    /// A handle on `engine`.
    pub fn new(engine: Engine) -> EngineHandle {
        EngineHandle(Arc::new(RwLock::new(Arc::new(engine))))
    }

    /// The current engine; questions already being answered keep theirs.
    pub fn get(&self) -> Arc<Engine> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Swaps in another engine for the next questions.
    pub fn replace(&self, engine: Engine) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(engine);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_core::knowledge::Builder;

    fn engine() -> Engine {
        let kb = Builder::new()
            .article("a", "A title\nOne sentence here.")
            .unwrap()
            .build()
            .unwrap();
        Engine::new(kb)
    }

    #[test]
    fn swaps_engines_and_keeps_the_old_one_alive_for_its_holders() {
        let handle = EngineHandle::new(engine());
        let before = handle.get();
        handle.replace(engine());
        let after = handle.get();
        assert!(!Arc::ptr_eq(&before, &after));
        assert_eq!(before.articles().len(), 1, "still usable");
    }
}
