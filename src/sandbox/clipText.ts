/** How much of one message from a submission is kept: enough for a stack trace's head, never megabytes per call in every report. */
export const maxMessageChars = 2000;

/** At most `max` characters, the cut said so that no one takes the rest for missing by accident. */
export function clipText(text: string, max = maxMessageChars): string {
  return text.length <= max ? text : `${text.slice(0, max)} … (${text.length - max} more characters not kept)`;
}
