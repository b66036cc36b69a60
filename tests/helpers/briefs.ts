// Brief specs written by tests: a small policy brief whose positions, recommendation and extra fields vary.

/** A policy brief `pb` on Taobao (2016) with the given positions, recommendation (a YAML value) and extra lines. */
export function policyBriefYaml({ positions = '[alibaba-group-2016-taobao-do-not-list]', recommendation = 'Option 1.', extra = '' } = {}): string {
  return `
id: pb
kind: policy-brief
market: taobao
cycle: 2016
date: 2016-11
bci_justification: invented for a test
question: Should Taobao be listed again?
positions: ${positions}
options:
  - title: List it
    consequences: Answers the request.
recommendation: ${recommendation}
${extra}`;
}
