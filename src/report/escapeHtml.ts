const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content and attribute values: anything a submission or a user wrote goes through this. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => entities[c]!);
}
