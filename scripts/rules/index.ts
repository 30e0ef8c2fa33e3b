// The rule registry: `skill-lint rules` lists exactly what `skill-lint check` runs.
import type { Rule } from '../core/rule.ts';
import { descriptionRules } from '../route/index.ts';
import commandUnknown from './command-unknown.ts';
import commandUnknownFlag from './command-unknown-flag.ts';
import commandDuplicateFlag from './command-duplicate-flag.ts';
import commandMissingRequired from './command-missing-required.ts';
import commandExtraArgument from './command-extra-argument.ts';
import commandFlagValue from './command-flag-value.ts';
import commandJson from './command-json.ts';
import commandIntegrationSlug from './command-integration-slug.ts';
import commandTrap from './command-trap.ts';
import releaseVersion from './release-version.ts';
import actionCatalog from './action-catalog.ts';
import actionConfig from './action-config.ts';
import actionPrice from './action-price.ts';
import bodySize from './body-size.ts';
import codeFence from './code-fence.ts';
import crossSkillLink from './cross-skill-link.ts';
import exampleSecret from './example-secret.ts';
import fileEncoding from './file-encoding.ts';
import frontmatterSchema from './frontmatter-schema.ts';
import frontmatterSyntax from './frontmatter-syntax.ts';
import jsonBlock from './json-block.ts';
import linkAnchor from './link-anchor.ts';
import linkTarget from './link-target.ts';
import nameMatchesFolder from './name-matches-folder.ts';
import recipeListed from './recipe-listed.ts';
import orphanFile from './orphan-file.ts';
import routerCatalog from './router-catalog.ts';
import shellSyntax from './shell-syntax.ts';
import skillFolder from './skill-folder.ts';
import symlink from './symlink.ts';

export const allRules: Rule[] = [
  fileEncoding,
  frontmatterSyntax,
  frontmatterSchema,
  nameMatchesFolder,
  skillFolder,
  symlink,
  linkTarget,
  linkAnchor,
  orphanFile,
  crossSkillLink,
  codeFence,
  jsonBlock,
  shellSyntax,
  bodySize,
  exampleSecret,
  routerCatalog,
  actionCatalog,
  actionConfig,
  actionPrice,
  recipeListed,
  commandUnknown,
  commandUnknownFlag,
  commandDuplicateFlag,
  commandMissingRequired,
  commandExtraArgument,
  commandFlagValue,
  commandJson,
  commandIntegrationSlug,
  commandTrap,
  releaseVersion,
  ...descriptionRules,
];
