/** What the importer tells the person running it about one file. */
export type NoteKind =
  /** A frontmatter value worked out from the text. */
  | "inferred"
  /** A frontmatter value taken from the source's own frontmatter. */
  | "kept"
  /** Something in the body changed so the lesson reads and builds correctly. */
  | "repaired"
  /** Something dropped: a section that became frontmatter, a dead link, an unknown key. */
  | "removed"
  /** Something a person should look at before publishing. */
  | "warning";

export interface Note {
  kind: NoteKind;
  message: string;
  /** 1-based line in the raw file. */
  line?: number;
}
