/** The fixed "now" the conformance suite reads every captured page with (after the last capture, 2026-02). */
export const CONFORMANCE_NOW = Date.UTC(2026, 2, 1); // 2026-03-01T00:00:00Z = 1772323200000
