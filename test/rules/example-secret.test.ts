import { describe, expect, it } from 'vitest';
import exampleSecret, { isVendorKey, looksLikeSecret } from '../../scripts/rules/example-secret.ts';
import { lintCase, runRuleTests, skillMd } from '../rule-tester.ts';

const fence = (lang: string, code: string) => ({ 'a/SKILL.md': skillMd('a', `# A\n\n\`\`\`${lang}\n${code}\n\`\`\`\n`) });
const bash = (code: string) => fence('bash', code);
const realKey = 'q8Zr4Lm2Vx9Tb7Nc1Pd5Kf3Hs6Gj0WyE';

runRuleTests(exampleSecret, {
  valid: [
    { name: 'placeholder token', files: bash('cargo-ai login --token <your-api-token>') },
    { name: 'environment variable', files: bash('cargo-ai login --token "$CARGO_API_TOKEN"') },
    { name: 'braced variable with =', files: bash('cargo-ai login --token=${CARGO_API_TOKEN}') },
    { name: 'bearer placeholder', files: bash('curl -H "Authorization: Bearer $API_TOKEN" https://example.com') },
    { name: 'a UUID is not a secret', files: bash('cargo-ai orchestration run get 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f') },
    { name: 'long kebab-case words', files: bash('cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --node-slug enrich-company-from-domain-and-score') },
    // What the calibration repositories showed: every one of these was reported as a key before.
    { name: 'a type name with a date in it', files: fence('go', 'Edits: []anthropic.BetaClearToolUses20250919EditParam{}') },
    { name: 'a type name in inline code', files: { 'a/SKILL.md': skillMd('a', '# A\n\nUse `BetaManagedAgentsAgentToolset20260401Params` here.\n') } },
    { name: 'a type assigned to a field', files: fence('go', 'Type: anthropic.BetaManagedAgentsAgentToolset20260401ParamsTypeAgentToolset20260401,') },
    { name: 'a URL path', files: bash('curl https://api.example.com/v1/organizations/workspaces/members/invitations/pending') },
    { name: 'the Base64 alphabet', files: fence('python', 'ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"') },
    { name: 'a rule name', files: fence('yara', 'rule Suspicious_PowerShell_DownloadCradle_Base64Encoded { condition: true }') },
    { name: 'a masked vendor key', files: bash('export GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') },
    { name: 'an elided key', files: bash('export ANTHROPIC_API_KEY=sk-ant-api03-...') },
    { name: 'an obviously fake key', files: bash('API_KEY=your-api-key-goes-here-1234567') },
    { name: 'a key read from the environment', files: fence('js', 'const apiKey = process.env.ANTHROPIC_API_KEY;') },
    { name: 'a random string that stands as no secret\'s value', files: bash(`echo ${realKey}`) },
    { name: 'a random value under a name that holds no secret', files: fence('json', `{ "requestId": "${realKey}" }`) },
    { name: 'a hash of one character class', files: bash('TOKEN=0123456789abcdef0123456789abcdef') },
  ],
  invalid: [
    { name: 'literal token after --token', files: bash('cargo-ai login --token abc123def456'), errors: [{ line: 13, column: 24, message: /--token/ }] },
    { name: 'literal token in --token=', files: bash('cargo-ai login --token=abc123def456'), errors: [{ line: 13, column: 16, message: /--token/ }] },
    { name: 'bearer token', files: bash(`curl -H "Authorization: Bearer ${realKey}" https://x.y`), errors: [{ line: 13, column: 32, message: /auth header/ }] },
    { name: 'api key header', files: bash(`curl -H "x-api-key: ${realKey}" https://x.y`), errors: [{ line: 13, column: 21, message: /auth header/ }] },
    { name: 'known key format', files: bash('export OPENAI_API_KEY=sk-proj-q8Zr4Lm2Vx9Tb7Nc1Pd5Kf3'), errors: [{ line: 13, column: 23, message: /credential/ }] },
    { name: 'a random value after a secret flag', files: bash(`mytool deploy --api-key ${realKey}`), errors: [{ line: 13, column: 25, message: /secret flag/ }] },
    {
      name: 'a key on a later line of an indented block',
      files: { 'a/SKILL.md': skillMd('a', `# A\n\n- step\n\n  \`\`\`bash\n  cargo-ai ai agent list\n    export SERVICE_TOKEN=${realKey}\n  \`\`\`\n`) },
      errors: [{ line: 16, column: 26, message: /assigns `SERVICE_TOKEN`/ }],
    },
    { name: 'a bearer word at a line end is not followed onto the next line', files: bash(`echo Bearer\n${realKey.toLowerCase()}`), errors: [] },
    { name: 'assignment in inline code', files: { 'a/SKILL.md': skillMd('a', `# A\n\nSet \`API_KEY=${realKey}\`.\n`) }, errors: [{ line: 12, column: 14, message: /assigns `API_KEY`/ }] },
    { name: 'a JSON secret field', files: fence('json', `{ "client_secret": "${realKey}" }`), errors: [{ line: 13, column: 21, message: /client_secret/ }] },
    { name: 'a camel-case secret name', files: fence('js', `const apiKey = '${realKey}';`), errors: [{ line: 13, column: 17, message: /apiKey/ }] },
  ],
});

describe('what counts as a key', () => {
  it('tells random keys from identifiers, alphabets, masks and hashes', () => {
    expect(looksLikeSecret(realKey)).toBe(true);
    expect(looksLikeSecret('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(looksLikeSecret('ThisIsAVeryLongCamelCaseIdentifierName')).toBe(false);
    expect(looksLikeSecret('BetaClearThinking20251015EditParam')).toBe(false);
    expect(looksLikeSecret('ToolSearchToolBm25_20251119Param')).toBe(false);
    expect(looksLikeSecret('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe(false);
    expect(looksLikeSecret('sk-ant-xxxxxxxxxxxxxxxxxxxx')).toBe(false);
    expect(isVendorKey('AIzaSyD4kq8Zr4Lm2Vx9Tb7Nc1Pd5Kf3Hs6Gj0W')).toBe(true);
    expect(isVendorKey('AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).toBe(false);
  });

  it('never mentions Cargo in its hint', async () => {
    const found = await lintCase(exampleSecret, { name: 'hint', profile: 'spec', files: bash(`export SERVICE_TOKEN=${realKey}`) });
    expect(found).toHaveLength(1);
    expect(found[0].hint).not.toMatch(/cargo/i);
  });
});
