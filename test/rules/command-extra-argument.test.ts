import { commandRule } from '../../scripts/rules/command-rules.ts';

const rule = commandRule('command-extra-argument');
import { runRuleTests } from '../rule-tester.ts';
import { at, block, flags } from '../schema/command-cases.ts';

const noPositional = 'cargo-ai orchestration run count <uuid>';
const twice = 'cargo-ai orchestration run get <a> <b>';
const stray = 'cargo-ai storage model list models';

runRuleTests(rule, {
  valid: [
    block('sql positional', `cargo-ai storage query execute "SELECT * FROM default.companies LIMIT 5"`),
    block('template slug positional', 'cargo-ai orchestration template get <slug>'),
    block('two positionals', 'cargo-ai expression recipe get <uuid> 2'),
    block('a variable may expand to anything', 'cargo-ai orchestration run count $ARGS'),
  ],
  invalid: [
    flags('value without its flag', noPositional, at(noPositional, '<uuid>', { message: /takes no positional arguments/, hint: /--/ })),
    flags('one positional too many', twice, at(twice, '<b>', { message: /takes 1 \(<uuid>\)/ })),
    flags('stray word', stray, at(stray, 'models')),
  ],
});
