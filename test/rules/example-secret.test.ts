import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exampleSecret, { longTokens, looksRandom } from '../../scripts/rules/example-secret.ts';
import { runRuleTests, skillMd } from '../rule-tester.ts';

const bash = (code: string) => ({ 'a/SKILL.md': skillMd('a', `# A\n\n\`\`\`bash\n${code}\n\`\`\`\n`) });
const realKey = 'q8Zr4Lm2Vx9Tb7Nc1Pd5Kf3Hs6Gj0WyE';

runRuleTests(exampleSecret, {
  valid: [
    { name: 'placeholder token', files: bash('cargo-ai login --token <your-api-token>') },
    { name: 'environment variable', files: bash('cargo-ai login --token "$CARGO_API_TOKEN"') },
    { name: 'braced variable with =', files: bash('cargo-ai login --token=${CARGO_API_TOKEN}') },
    { name: 'bearer placeholder', files: bash('curl -H "Authorization: Bearer $CARGO_API_TOKEN" https://example.com') },
    { name: 'a UUID is not a secret', files: bash('cargo-ai orchestration run get 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f') },
    { name: 'long kebab-case words', files: bash('cargo-ai orchestration run download-outputs --workflow-uuid <uuid> --node-slug enrich-company-from-domain-and-score') },
  ],
  invalid: [
    { name: 'literal token after --token', files: bash('cargo-ai login --token abc123def456'), errors: [{ line: 13, column: 24, endLine: 13, endColumn: 36, message: /--token/ }] },
    { name: 'literal token in --token=', files: bash('cargo-ai login --token=abc123def456'), errors: [{ line: 13, column: 16, endLine: 13, endColumn: 36, message: /--token/ }] },
    { name: 'bearer token', files: bash(`curl -H "Authorization: Bearer ${realKey}" https://x.y`), errors: [{ line: 13, column: 32, endLine: 13, endColumn: 64, message: /bearer/ }] },
    { name: 'known key format', files: bash('export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx'), errors: [{ line: 13, column: 23, endLine: 13, endColumn: 55, message: /credential/ }] },
    {
      name: 'a key on a later line of an indented block',
      files: { 'a/SKILL.md': skillMd('a', `# A\n\n- step\n\n  \`\`\`bash\n  cargo-ai ai agent list\n    echo ${realKey}\n  \`\`\`\n`) },
      errors: [{ line: 16, column: 10, endLine: 16, endColumn: 42, message: /random/ }],
    },
    { name: 'a bearer word at a line end is not followed onto the next line', files: bash(`echo Bearer\n${realKey.toLowerCase()}`), errors: [] },
    { name: 'long random key in inline code', files: { 'a/SKILL.md': skillMd('a', `# A\n\nSet \`KEY=${realKey}\`.\n`) }, errors: [{ line: 12, column: 10, endLine: 12, endColumn: 42, message: /random/ }] },
  ],
});

describe('looksRandom', () => {
  it('tells keys from words and hashes', () => {
    expect(looksRandom(realKey)).toBe(true);
    expect(looksRandom('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(looksRandom('ThisIsAVeryLongCamelCaseIdentifierName')).toBe(false);
  });

  it('finds long keys exactly where the pattern of key characters would', () => {
    const pattern = /[A-Za-z0-9_+/-]{32,}={0,2}/g;
    const byPattern = (text: string) => [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
    expect([...longTokens(`a ${realKey}=== b`)]).toEqual([[2, 36]]);
    const piece = fc.constantFrom('a', 'Z', '9', '_', '+', '/', '-', '=', ' ', '.', '"', 'é', realKey.slice(0, 20), realKey, '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect([...longTokens(text)], JSON.stringify(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
