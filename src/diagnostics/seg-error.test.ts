import { describe, expect, it } from "vitest";
import { GitError } from "../diff/git-error.ts";
import { FileError } from "../workspace/file-error.ts";
import { SegError } from "./seg-error.ts";

describe("SegError", () => {
  it("carries exit code 2 unless told otherwise, and its cause", () => {
    const cause = new RangeError("bad");
    expect(new SegError("--port takes a number").exitCode).toBe(2);
    expect(new SegError("stop", { exitCode: 1, cause }).exitCode).toBe(1);
    expect(new SegError("stop", { cause }).cause).toBe(cause);
  });

  it("is what git and file problems are, so the CLI needs one test for all of them", () => {
    expect(new GitError("not a git repository")).toBeInstanceOf(SegError);
    expect(new FileError("cannot write out.csv")).toBeInstanceOf(SegError);
    expect(new GitError("x").name).toBe("GitError");
  });
});
