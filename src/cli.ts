#!/usr/bin/env node
import { Command } from 'commander';
import { auditVerifyCommand } from './cli/audit-verify.js';
import { evidenceVerifyCommand } from './blocks/bridge/index.js';
import { bridgeSealCommand } from './cli/bridge-seal.js';
import { ledgerVerifyCommand } from './blocks/trust/index.js';
import { addRegistryCommands } from './cli/registry-commands.js';
import { runCommand } from './cli/run-command.js';
import { seedCommand } from './cli/seed-command.js';
import { startCommand } from './cli/start.js';
import { userCreateCommand, type UserCreateOptions } from './cli/user-create.js';
import { allMigrations } from './migrations.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase } from './platform/db/open-database.js';

const program = new Command('ortaq').description(
  "Ortaq: one platform for a state's digital public services",
);

program
  .command('start')
  .description('apply pending migrations and serve HTTP until SIGINT/SIGTERM')
  .option('--seed-demo', 'load the demo data first (idempotent)', false)
  .action((options: { seedDemo: boolean }) =>
    runCommand((config) => startCommand(config, options)),
  );

program
  .command('migrate')
  .description('apply pending migrations and exit')
  .action(() =>
    runCommand(async (config) => {
      const database = await openDatabase(config);
      try {
        const applied = await migrate(database.db, allMigrations());
        process.stdout.write(
          applied.length
            ? `applied:\n${applied.map((name) => `  ${name}\n`).join('')}`
            : 'up to date\n',
        );
      } finally {
        await database.close();
      }
    }),
  );

program
  .command('seed')
  .description('load data into the database and exit')
  .requiredOption(
    '--demo',
    'the demo data: a citizen, a business, two agencies with officers, an administrator (idempotent)',
  )
  .action(() => runCommand((config) => seedCommand(config)));

program
  .command('audit')
  .description('the tamper-evident audit log')
  .command('verify')
  .description(
    're-check the whole audit chain and every signed checkpoint; exit 1 naming the first entry changed, deleted or reordered',
  )
  .option('--public-key <file...>', 'also trust these Ed25519 public keys (SPKI PEM)')
  .action((options: { publicKey?: string[] }) =>
    runCommand((config) => auditVerifyCommand(config, options)),
  );

program
  .command('ledger')
  .description('the tamper-evident ledgers of legal registers (trust block)')
  .command('verify <name>')
  .description(
    're-check a ledger and its signed checkpoints; exit 1 naming the first entry changed, deleted or reordered',
  )
  .option('--public-key <file...>', 'also trust these Ed25519 public keys (SPKI PEM)')
  .action((name: string, options: { publicKey?: string[] }) =>
    runCommand((config) => ledgerVerifyCommand(config, name, options)),
  );

const bridge = program
  .command('bridge')
  .description('the integration bridge between state and private systems');
bridge
  .command('seal')
  .description(
    'seal every pending exchange of the message log now into signed batches (the minute job does it too)',
  )
  .action(() => runCommand((config) => bridgeSealCommand(config)));
bridge
  .command('evidence-verify <file>')
  .description(
    'prove one exchange of the message log offline, from its evidence file and the CA certificate; exit 1 naming what does not hold',
  )
  .requiredOption('--ca <file>', 'the deployment CA certificate (PEM), as /trust/ca.pem serves it')
  .action((file: string, options: { ca: string }) =>
    runCommand(() => evidenceVerifyCommand(file, options)),
  );

program
  .command('user')
  .description('accounts of people')
  .command('create')
  .description('create an account with a role; prints the TOTP URI for officers and administrators')
  .requiredOption('--national-id <id>', "the person's national identifier (KZ: IIN)")
  .requiredOption('--name <name>', '"Family Given [Patronymic]"')
  .requiredOption('--role <role>', 'citizen, officer, agency-head or admin')
  .option('--agency <code>', 'agency code, for officer and agency-head')
  .option('--username <username>', 'a username to sign in with besides the national identifier')
  .option('--password-stdin', 'read the password from standard input', false)
  .action((options: UserCreateOptions) =>
    runCommand((config) => userCreateCommand(config, options)),
  );

addRegistryCommands(program);

await program.parseAsync();
