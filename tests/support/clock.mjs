// The one moment every end-to-end test lives at: the demo project fixes the
// browser's clock to it where dates matter, and the http project starts the
// mock with it, so no test breaks when a date in the demo data passes.
export const FIXED_NOW = '2026-11-28T10:00:00+08:00';
