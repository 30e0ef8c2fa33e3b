// The rule registry: `skill-lint rules` lists exactly what `skill-lint check` runs.
import type { Rule } from '../core/rule.ts';
import { commandRules } from './command-rules.ts';
import descriptionCollision from './description-collision.ts';
import descriptionJob from './description-job.ts';
import descriptionLength from './description-length.ts';
import descriptionSkip from './description-skip.ts';
import descriptionTriggers from './description-triggers.ts';
import descriptionVocabulary from './description-vocabulary.ts';
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
import outputFinalStatus from './output-final-status.ts';
import outputJq from './output-jq.ts';
import outputBlock from './output-block.ts';
import outputErrorReason from './output-error-reason.ts';
import outputRoundtrip from './output-roundtrip.ts';
import routerCatalog from './router-catalog.ts';
import shellSyntax from './shell-syntax.ts';
import skillFolder from './skill-folder.ts';
import symlink from './symlink.ts';

/** The rules that judge descriptions, as routing depends on them. */
export const descriptionRules: Rule[] = [descriptionJob, descriptionTriggers, descriptionSkip, descriptionLength, descriptionVocabulary, descriptionCollision];

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
  ...commandRules,
  outputJq,
  outputFinalStatus,
  outputBlock,
  outputErrorReason,
  outputRoundtrip,
  releaseVersion,
  ...descriptionRules,
];
