import { PERSONA_FILE, personaFile } from "../../test/support/persona-file.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import { personaTheater } from "./persona-theater.ts";

const persona = (extra: string) => personaFile("Body.", extra);
const FILE = PERSONA_FILE;
const INFORMS = "informs: [API quota tiers]\n";

ruleTester.run(personaTheater, {
  valid: [
    { name: "no personas" },
    { name: "interviews and decisions", files: { [FILE]: persona(`evidence:\n  interviews: 9\n${INFORMS}`) } },
    { name: "sources without interviews", files: { [FILE]: persona(`evidence:\n  sources: [Support tickets]\n${INFORMS}`) } },
    { name: "two interviews accepted by option", files: { [FILE]: persona(`evidence:\n  interviews: 2\n${INFORMS}`) }, options: { minInterviews: 2 } },
  ],
  invalid: [
    {
      name: "no evidence and no decisions",
      files: { [FILE]: persona("") },
      errors: [
        { messageId: "noDecisions", file: FILE, line: 2, column: 5, message: "Hands-on Hana informs no decision: nothing says which messaging, roadmap or sales choice it feeds." },
        { messageId: "noEvidence", file: FILE, line: 2, column: 5, message: "Hands-on Hana cites no evidence: no interviews, no sources, no dates; it may be a well-written guess." },
      ],
    },
    {
      name: "zero interviews and nothing else",
      files: { [FILE]: persona(`evidence:\n  interviews: 0\n${INFORMS}`) },
      errors: [{ messageId: "noEvidence", file: FILE, line: 9, column: 1 }],
    },
    {
      name: "one interview",
      files: { [FILE]: persona(`evidence:\n  interviews: 1\n  sources: [One call]\n${INFORMS}`) },
      errors: [{ messageId: "fewInterviews", file: FILE, line: 10, column: 15, data: { interviews: 1, min: 3 } }],
    },
    {
      name: "an empty list of decisions",
      files: { [FILE]: persona("evidence:\n  interviews: 9\ninforms: []\n") },
      errors: [{ messageId: "noDecisions", file: FILE, line: 11, column: 10 }],
    },
  ],
});
