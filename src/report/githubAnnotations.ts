/** One GitHub Actions annotation: shown on the run's summary and, with a file, beside the code. */
export interface Annotation {
  readonly level: "error" | "warning" | "notice";
  readonly title: string;
  readonly message: string;
  readonly file?: string;
}

/**
 * GitHub's workflow-command lines (`::error file=…,title=…::message`), escaped as GitHub
 * requires: % and line breaks in the message, and also : and , in properties.
 */
export function githubAnnotations(annotations: readonly Annotation[]): string[] {
  return annotations.map((a) => {
    const props = [a.file !== undefined ? `file=${property(a.file)}` : undefined, `title=${property(a.title)}`].filter(Boolean).join(",");
    return `::${a.level} ${props}::${data(a.message)}`;
  });
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
