import type { ExternalPrerequisite, Prerequisite } from "./schema";

export const isSitePrerequisite = (prerequisite: Prerequisite): prerequisite is string =>
  typeof prerequisite === "string";

export const isExternalPrerequisite = (prerequisite: Prerequisite): prerequisite is ExternalPrerequisite =>
  typeof prerequisite !== "string";
