-- Not matched by hype.json's "test" globs, so never run.
error("this file must not run")
