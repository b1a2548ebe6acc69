package main

// The TUI's manual, screen by screen. It is the root command's long help,
// so keyhole --help and the keyhole(1) man page carry it. cobra prints it
// as is for --help, and the man generator reads it as Markdown: keep it to
// plain paragraphs, "- " lists and headings underlined with dashes; no
// backticks, no tables, no lines indented four spaces (they become code),
// and no word ending in "_" or "*" (a pair of those makes emphasis).

// rootLong is the root command's long help: what keyhole is, then the
// manual.
const rootLong = `keyhole browses every secret in an AWS account, shows its metadata, and
reveals or copies a value only when asked. Read-only unless started with --rw.

What follows is the manual, screen by screen. The keys named are the
defaults: ? shows the keys of the screen you are on and of every other,
and "keyhole keys" prints them all with the config file's overrides.
` + manualStart + manualList + manualDetail + manualCopy + manualClipboard +
	manualRotation + manualAudit + manualVersions + manualPolicy + manualFleet + manualHygiene +
	manualUse + manualCreate + manualEdit + manualSave + manualLifecycle +
	manualKeys + manualConfig + manualSecurity + manualFiles

const manualStart = `
Starting
--------

keyhole uses the AWS SDK's default chain: environment variables, the
shared config and credentials files (AWS_CONFIG_FILE,
AWS_SHARED_CREDENTIALS_FILE), AWS_PROFILE and AWS_REGION, SSO, assume-role
profiles, and on a bastion host the instance role. --profile and --region
override the profile and the region. --endpoint-url sends the Secrets
Manager, CloudTrail and STS calls to another address (an emulator, a VPC
endpoint); without it the SDK's AWS_ENDPOINT_URL and
AWS_ENDPOINT_URL_SECRETS_MANAGER still apply. --demo runs on a built-in
emulator with demo data, inside the process, so nothing else can reach it.
Nothing can be changed unless keyhole starts with --rw.

The header shows where the credentials come from (the profile, or "env"
when they come from environment variables: AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, or AWS_WEB_IDENTITY_TOKEN_FILE, which the SDK uses
before AWS_PROFILE), the region, the account id (read from the listed
secrets' ARNs, or from STS when there are none; keyhole carries on if that
call fails), the endpoint when overridden, and RO or RW. When it is too
wide, the endpoint loses its scheme, then the items lose their labels, and
last the end is cut with an ellipsis; RO or RW always stays.

The status bar shows messages, errors, loading progress and the clipboard
countdown, and a spinner while the screen on top waits on AWS; the spinner
stops when nothing waits, so an idle screen sends the terminal nothing. A
message or error wider than the terminal wraps onto up to three lines, the
screen above giving up rows while it shows, so that an error's cause
("connect: connection refused") is on screen at 80 columns; text beyond
three lines is cut with an ellipsis.

Profiles, regions and credentials
---------------------------------

- @ switches profile and region inside the app: profiles from ~/.aws/config
  and ~/.aws/credentials, regions most recently used first (remembered in
  $XDG_STATE_HOME/keyhole/regions). keyhole starts over on the list of the
  new account and drops every screen. Not with --demo.
- In the @ switcher, moving to a profile selects the region that profile
  sets in the shared config file (region under [profile NAME]); tab then
  picks another region, and a region picked by hand stays until the
  profile changes.
- A profile with mfa_serial asks for its MFA code on the terminal before
  the UI starts. Inside the app there is nowhere to type it, so switching
  to such a profile says to start keyhole with --profile NAME, and offers
  no R retry, which could not help.
- An expired SSO session says what to run: aws sso login --profile NAME.
  Expired or missing credentials say how to refresh them; ctrl+r (or R)
  retries once you have, without restarting. The retry reconnects with the
  credentials keyhole was using, from the same place: the profile chosen
  with @, else --profile as given, else the SDK's default chain read again.
  Credentials from the environment are never swapped for the default
  profile's. keyhole cannot see a new export in the shell it was started
  from, so for expired keys in the environment it says to export fresh ones
  and start it again; for a web identity token it says to refresh the file
  AWS_WEB_IDENTITY_TOKEN_FILE names, which the retry reads again.
- A reload that fails keeps the list already loaded on screen, with the
  error in the status bar; R tries again.

Terminals and the mouse
-----------------------

Colours follow the terminal: truecolor, 256 or 16 colours as it reports,
none with NO_COLOR set. The palette follows the terminal's background
(dark or light) unless the config file's theme says otherwise. With a
locale that is not UTF-8 (LANG=C, usual on bastion hosts) keyhole draws
borders, masks and symbols with ASCII, and names keys in ASCII before
anything is laid out: up/k, down/j, right/l, left/h (a bare v would read as
the reveal key), shift+tab; the range "7-30" takes a plain dash.
Placeholders in forms are drawn faint and in italics, so they read as hints
even with NO_COLOR. Key hints (the status bar, help, the forms' own hint
lines) use colours that reach a contrast of 4.5:1 on dark and light
backgrounds.

In every form the focused field is marked with ▸ (> in ASCII); the tags
field says "tags 1-12 of 30 · more below ↓" when it holds more than it
shows, and a form with more fields than fit says which lines show and
whether more lie above or below. ctrl+s saves every form that writes
something.

The mouse is off so that the terminal's own selection works. --mouse turns
on the wheel and clicks: the wheel scrolls a screen or moves its cursor as
the arrow keys do, and a left click selects the row under it in the list,
the audit trail, the versions table and the diff.

Every dialog (delete, restore, rotate now, cancel rotation, the schedule
form, the password generator, the confirmations to save and to leave
without saving) fits the terminal's width down to 50 columns: its text
wraps inside the box, and a long value (a secret's name typed to confirm a
delete, a rotation function's ARN) scrolls inside its field, keeping the
cursor's end in view.
`

const manualList = `
The list
--------

Every secret in the account and region, loaded page by page: the first
page is on screen while the rest load, with a live count; there is no
"load more". Two ListSecrets streams load at once, one by name from A and
one from Z, and stop where they meet, which takes about half the time of
one; when AWS refuses one of them the other goes on alone. A cursor on the
first row stays there while pages come from either end. Columns fit the width, down to 80 by 24: the name (its folder
part dimmed and its last element bright, so prod/payments/postgres scans
easily), the description, the rotation state, when it last changed, when it
was last accessed, tags from 120 columns, and a cross on secrets pending
deletion, which are hidden until D. From 120 columns the name column takes
the 48 cells most names need before description and tags share the rest.
The cursor is a bar in the first column of every table, visible without
colour too.

A name wider than its column is cut in the middle, not at the end: its last
element stays whole, with as many whole elements from the start and the end
as fit around the cut, and the start of the next one in what room is left
(dev/pay…/postgres-002790, staging/paymen…/db). A last element too long
even for that keeps the name's start and end (dev/ml/not…edentials).

Last accessed is a day: AWS keeps it to the day (midnight UTC), so keyhole
says today, yesterday, 3d ago or never, not hours it does not know. The
detail adds the date.

/ filters as you type, over name, description and tags; enter keeps the
filter and returns to the list, esc clears it. Secrets whose name holds
every word come first, then those that hold them in the description or
tags; then, below a line that counts them ("── 12 fuzzy matches: the
letters in the name, in order"), fuzzy matches: names that hold a word's
letters in order but not the word. Only names match fuzzily, since a
description holds the letters of almost any short word. Each group is in
the chosen sort order, the cursor steps over the line, and the characters
that matched are underlined (visible without colour too). Terms narrow each
other:

- a word, such as payments: the name, the description or a tag contains
  it, or the name holds its letters in order;
- tag:team=payments: a tag team whose value contains payments;
- tag:owner: any secret with an owner tag;
- rot:off, rot:on, rot:never, rot:overdue, rot:rotating or rot:stuck: the
  rotation state (see Rotation).

While the list still loads, a filter that rests a quarter of a second also
asks AWS: ListSecrets with its own word matching, where each word must
start a word of the name, description or tags (in a fleet, in every
account and region reached so far). What AWS finds shows at once, marked
with a tilde, and the summary counts it as found by search; once the
listing brings those secrets too they are confirmed and the mark goes, and
any the listing never brings (deleted meanwhile) leave the list.

A term keyhole does not know is said in the summary line with the values it
takes; when both do not fit the width, as at 80 columns, the values take
the place of the counts: "unknown term rot:bad (rot: off, on, never,
overdue, rotating, stuck)".

s cycles the sort: name (ignoring case, so MyTestSecret sorts among the
m's), last changed, last accessed, created (dates newest first). The sorted
column's title carries an arrow (↑ for names, ↓ for dates; an asterisk in
ASCII). Sorted by created, a CREATED column takes the place of CHANGED, and
a column the config file hides shows while the list is sorted by it. enter
opens the secret's detail; r and a open its rotation and audit trail from
the list too.

If a page fails to load, the secrets already loaded stay, the status bar
says what failed, and R retries from the failed page; when none loaded, the
list's own "could not list secrets" line says why, wrapped so that the
cause shows. If AWS refuses the
NextToken of the next page (InvalidNextTokenException: the endpoint
restarted, as an emulator does, or the token expired), the list starts
again from the first page by itself, drops the secrets of the broken pass
so that none shows twice, and says so; R after the endpoint came back does
the same. It starts over once: if the new pass breaks the same way it stops
with the error, and R or ctrl+r tries again.

When AWS throttles a call, or a call fails with a network or server error,
the SDK retries it with backoff and the status bar says so for a few
seconds ("AWS is throttling ListSecrets: retrying (attempt 2 of 3)"), never
over another message or an error. The notice names the operation and the
attempt, never a secret. If every attempt fails the screen reports the
error and R tries again.
`

const manualDetail = `
The detail
----------

Everything DescribeSecret returns: ARN, description, KMS key
(aws/secretsmanager when none is set), dates both relative and absolute,
rotation (schedule, window, function, last and next), deletion date, owning
service, primary region and replicas with their status, tags, and the
versions with their stage labels. Nothing here reads the value. Long fields
(description, ARN, KMS key, rotation function) wrap under their label, and
each tag has a line of its own. When the screen does not fit, its last line
says where you are ("lines 1-21 of 36 · more below ↓"), and the movement
keys (j, k, pgup, pgdn, g, G) scroll it, also once a value is loaded: past
the first or last field they scroll on, to the metadata above.

The value is not loaded until you ask:

- The first v or c loads the value (one GetSecretValue), shows its keys
  masked and waits for you to pick a field with j and k; then v reveals or
  masks it and c copies it. A value with one field only is revealed or
  copied at once, and the status bar says so. V reveals or masks every
  field.
- A revealed value wraps under itself and keeps its lines: a certificate
  inside JSON shows as lines, not as \n. j and k scroll through a field
  taller than the screen before moving to the next one; pgdn and G go
  through a long value by pages or to its end. A key path wider than a
  third of the screen is cut at its start, keeping the field's own name,
  and shown whole above the field while it is selected.
- A JSON object shows one row per key, nested objects flattened to dotted
  paths (db.replicas[0].host). Anything else is one row. A string that
  looks like JSON but is not says so and shows as text.
- A binary secret shows its size; revealing shows a hex and a base64
  preview.
- l switches to another stage label (AWSPREVIOUS, AWSPENDING, custom
  labels); the value of that version loads only when you ask. A value read
  for a stage stays loaded (masked) while the screen is open, so going back
  with l reads nothing again.
- A value you may not read says so in place, such as "access denied:
  secretsmanager:GetSecretValue"; the rest keeps working.

A hidden value is drawn as a mask of eight dots (eight asterisks in ASCII)
whatever its length. Revealed values mask again after --reveal-timeout of
idle time (the status bar says "values masked again after 30s idle"), when
the terminal loses focus, on ctrl+z and when you leave the screen; a
value's bytes, those of every stage read included, are overwritten when its
screen closes.
`

const manualCopy = `
Copying
-------

c copies the selected field (the whole value when it is not JSON) without
showing it. C opens a menu of formats: the raw field, the whole value as
JSON, KEY=value lines (flattened keys as upper-case names, shell-quoted
values), the ARN, or the name. The ARN and the name never read the value.

KEY=value lines are meant to be pasted into a shell or a .env file, so
keyhole refuses to make one it should not. A key path becomes its name in
upper case with every character other than an ASCII letter or digit turned
into an underscore and the underscores at either end dropped (db.host
becomes DB_HOST, api-key API_KEY; a name starting with a digit gets a
leading underscore); a value that is not a JSON object is named after the
last part of the secret's name. Nothing is copied, and the status bar says
why, naming keys but never values, when:

- a key would become a name that something runs or obeys as code, as in
  "not copied: key "prompt_command" would become PROMPT_COMMAND, which a
  shell runs or obeys" (the names are listed below);
- two keys would become the same name, where pasting would silently keep
  only the second: "not copied: keys "db.host" and "db_host" would both
  become DB_HOST: rename one";
- a value holds a NUL byte, which no environment variable can hold.

The refused names, compared in upper case:

- the shell's: PROMPT_COMMAND, PS0 to PS4, PROMPT, PROMPT2 to PROMPT4,
  RPROMPT, RPROMPT2, RPS1, RPS2, ENV, ZDOTDIR, INPUTRC, PATH, CDPATH,
  FPATH, HOME, HISTFILE, MAILPATH, IFS, GLOBIGNORE, SHELLOPTS, BASHOPTS,
  SHELL, and every name made of BASH, an underscore and more (BASH_ENV,
  exported functions);
- the dynamic loader's and the C library's (glibc's list of variables it
  drops for setuid programs): every name made of LD, DYLD or MALLOC, an
  underscore and more (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT...), and
  GCONV_PATH, GETCONF_DIR, GLIBC_TUNABLES, HOSTALIASES, LOCALDOMAIN,
  LOCPATH, NIS_PATH, NLSPATH, RESOLV_HOST_CONF, RES_OPTIONS, TMPDIR, TZDIR;
- interpreters', which load or run the code they name: PERL5OPT, PERL5LIB,
  PERLLIB, PERL5DB, PYTHONSTARTUP, PYTHONPATH, PYTHONHOME, PYTHONWARNINGS,
  PYTHONBREAKPOINT, PYTHONUSERBASE, NODE_OPTIONS, NODE_PATH, RUBYOPT,
  RUBYLIB, JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS, CLASSPATH,
  PHPRC, PHP_INI_SCAN_DIR, DOTNET_STARTUP_HOOKS, LUA_INIT and every name
  made of LUA_INIT, an underscore and more;
- those of programs that run them as a command: EDITOR, VISUAL, PAGER,
  MANPAGER, BROWSER, LESSOPEN, LESSCLOSE, SSH_ASKPASS, SUDO_ASKPASS,
  GIT_SSH, GIT_SSH_COMMAND, GIT_EDITOR, GIT_PAGER, GIT_ASKPASS,
  GIT_EXEC_PATH, GIT_PROXY_COMMAND, GIT_EXTERNAL_DIFF, GIT_CONFIG and every
  name made of GIT_CONFIG, an underscore and more (which set any git
  option, core.sshCommand among them).

Near names pass: PATHNAME, HOME_DIR, LDAP_URL and APP_PATH are fine.
`

const manualClipboard = `
The clipboard
-------------

--clipboard (or the config file's clipboard) chooses how a copy reaches the
clipboard:

- auto: OSC 52 in an SSH session (SSH_TTY or SSH_CONNECTION set), where no
  system clipboard tool exists, or on Linux and BSD when neither DISPLAY
  nor WAYLAND_DISPLAY is set; the system clipboard otherwise. Over SSH
  keyhole never uses the remote host's xclip.
- osc52: always OSC 52, through the terminal; inside tmux (TMUX set) and
  screen (STY set, or a TERM of screen outside tmux) also wrapped for
  passthrough. tmux needs "set -g set-clipboard on" or "allow-passthrough
  on".
- system: pbcopy, xclip or xsel, wl-copy, or the Windows clipboard.
- off: copying is refused. c and C say so at once ("not copied: the
  clipboard is off (--clipboard off)") without reading the value, so no
  GetSecretValue is recorded in CloudTrail and no countdown starts.

After --clipboard-timeout keyhole clears the clipboard, with a countdown in
the status bar; a new copy restarts it. It clears it again on the way out
whatever the timeout (0 only turns the countdown off): on q, on ctrl+c, on
SIGTERM, SIGINT and SIGQUIT from outside, and on SIGHUP when the terminal
closes. A signal ends keyhole in order: the terminal leaves the alternate
screen and shows its cursor, the clipboard is cleared, and keyhole exits
with 128 plus the signal's number (143 for SIGTERM, 129 for SIGHUP). ctrl+z
clears the clipboard before keyhole stops, since no countdown runs while it
is stopped.

The system clipboard is cleared only if it still holds what keyhole put
there, compared by SHA-256 fingerprint; keyhole keeps no copy of the value.
OSC 52 cannot be read back, so it is overwritten with a single space, once:
tmux and some terminals ignore an empty OSC 52.

Inside tmux with set-clipboard on, tmux keeps every OSC 52 copy in a paste
buffer of its own; keyhole deletes the buffers that hold its value when it
clears (tmux list-buffers, show-buffer and delete-buffer, each buffer
compared by fingerprint). When the status bar cannot say "clipboard
cleared" truthfully it says what to do instead: where TERM says tmux but
TMUX is not set, as across SSH, the tmux is on your side and out of
keyhole's reach, so a copy says "copied through tmux: clear it with tmux
delete-buffer".
`

const manualRotation = `
Rotation
--------

r on a secret, in the list or the detail. Every secret has a rotation
state, derived from its metadata and its stage labels, which the list
shows in its ROTATION column and filters on:

- off: rotation is not enabled;
- on: enabled, next rotation in the future;
- never: enabled but never rotated;
- overdue: the next rotation date has passed;
- rotating: AWSPENDING sits on a version other than AWSCURRENT, changed
  within the last hour;
- stuck: AWSPENDING left on a version other than AWSCURRENT for longer than
  an hour.

The rotation screen shows the rotation function, the schedule ("every 30
days", "rate(12 hours)", "cron(0 4 ? * SUN *)") and window, the last
and next rotation dates, the versions with their labels (AWSCURRENT,
AWSPREVIOUS, AWSPENDING) and the rotation history from CloudTrail
(RotateSecret, CancelRotateSecret and the RotationStarted,
RotationSucceeded, RotationFailed and RotationAbandoned events of the last
90 days).

With --rw, each confirmed with y:

- R rotates now. The screen then follows the labels (DescribeSecret with a
  pause that doubles from 0.5 s to 8 s, and CloudTrail every other step)
  until AWSPENDING is gone and says "rotation succeeded", or a
  RotationFailed event appears and says "rotation failed" with CloudTrail's
  message, or gives up after three minutes.
- e edits the schedule: days (1 to 1000), rate(N days) (1 to 1000),
  rate(N hours) (at least 4), or cron() with six fields and ? in one of the
  day fields; a window of 1h to 24h that must end before the next UTC day
  and before the next rotation; and the rotation function's ARN. A
  schedule given as a number is in days ("30 days"). The form says what is
  wrong before anything is sent; ctrl+s or enter saves.
- X cancels rotation (CancelRotateSecret), which turns it off.

Without --rw these keys say that they need it and do nothing.
`

const manualAudit = `
Audit trail
-----------

a on a secret (in the list or the detail) shows its CloudTrail events; A
shows every Secrets Manager event in the account. Events come newest first
and load page by page at CloudTrail's limit of two requests a second; the
bottom line counts them ("loaded 150 events, loading... 4 requests to
CloudTrail") and the screen stays usable while they load. A secret's events
are looked up by ARN and by name, so calls refused before the secret was
resolved show too.

- t picks the range: last hour, 24 hours, 7 days, 30 days, 90 days (7 days
  for the account, 90 for a secret, at first). w shows all events, reads
  only or writes only. E shows only failed calls.
- / filters: plain words match the event name, principal, source IP and
  user agent; event:GetSecretValue, principal:alice, ip:10.0. and
  agent:boto3 look in one field each.
- The columns: time, event, principal (payments-api/i-0abc...,
  AWSReservedSSO_Admin/alice@example.com, user/ci-deploy), source IP, user
  agent (aws-cli/2.15, Boto3/1.34, console; from 110 columns) and error
  code. Dates gain the year and seconds when the width allows. The
  account-wide trail (A) adds a SECRET column at every width, its names cut
  in the middle as in the list: the user agent goes first, below 110
  columns, and below about 100 columns the source IP gives way too (enter
  shows the event, IP included).
- enter opens the whole event as JSON; esc goes back. ctrl+r reloads (your
  own reads appear after a reload); R retries after an error. If CloudTrail
  refuses the NextToken of a lookup, that lookup starts again from the
  newest event, once, and the status bar says so; the events already
  loaded stay, each shown once.
- tab switches to "who read it": GetSecretValue and BatchGetSecretValue
  calls by principal and source IP, with counts, failures, first and last
  seen. A secret's view loads all 90 days CloudTrail keeps. A principal or
  address whose first read in that history falls inside the chosen range
  is marked NEW; pick a range shorter than the history (t) to see the
  marks. Sessions of a role count under the role, except sessions named
  after a person, such as AWSReservedSSO_Admin/alice@example.com.

Without cloudtrail:LookupEvents the screen says so in place; everything
else works as before. Everything CloudTrail returns is escaped before it is
drawn.
`

const manualVersions = `
Versions and diff
-----------------

h on a secret lists every version of it, newest first: version id, stage
labels, when it was created and the day it was last read (today,
yesterday, 3d ago; AWS dates a read on the version read and on the secret
alike, so the current version's day and the secret's agree). Versions with
no label left (deprecated) are hidden until x. Listing versions reads no
value.

- v reveals or masks the selected version's value, field by field; c
  copies the whole value of that version. A version's value is read by its
  version id only when you ask (each read is a GetSecretValue event in
  CloudTrail) and only once while the screen is open. Revealed values mask
  again after the idle timeout (the status bar says so), on focus loss and
  on ctrl+z, and are forgotten when you leave the screen. A revealed value
  shows line by line, wrapped under itself; one taller than the screen
  scrolls line by line under the movement keys before the cursor moves on
  to the next version. V masks everything shown, or reveals every value
  already read.
- space marks a version and = diffs it with the selected one. The diff
  shows key paths and what happened to each (added, removed, changed,
  unchanged) with counts at the top, such as "1 changed, 1 added, 1
  removed, 2 unchanged". It never shows a value: each field is
  fingerprinted with HMAC-SHA256 under a random key made when the screen
  opens and kept only in memory, and the diff compares fingerprints. JSON
  values are compared by flattened path, key order does not matter, and a
  number and the same digits as a string (5432 and "5432") count as
  changed. Plain text and binary values are compared whole, as one key
  named (value).
- p (with --rw) makes the selected version AWSCURRENT again: a roll back.
  After you confirm with y, keyhole reads the versions again first. If
  AWSCURRENT moved since the screen showed it (someone put a new value
  meanwhile), nothing is changed: keyhole says where AWSCURRENT went and
  reloads. Otherwise it moves AWSCURRENT with UpdateSecretVersionStage,
  naming the version that holds it now; AWS gives that version
  AWSPREVIOUS.
- A version that can't be read says why under its row, such as "access
  denied: secretsmanager:GetSecretValue".
`

const manualPolicy = `
Resource policy
---------------

P on a secret shows its resource policy as indented JSON (the movement
keys scroll; ctrl+r reloads), or "no resource policy". Above it is the
verdict of ValidateResourcePolicy: passed or not, and each finding with its
check name. A policy that grants public access (a Principal of "*" without
a condition, for example) is flagged PUBLIC ACCESS. The screen never
changes the policy.
`

const manualFleet = `
Fleet
-----

--fleet lists many accounts and regions as one list, in keyhole, keyhole ls
and keyhole report. --profiles a,b (or all) lists each profile's account;
without it, the credentials keyhole started with. --org-role NAME adds every
ACTIVE account of the organisation, listed with organizations:ListAccounts
and reached by assuming arn:aws:iam::ACCOUNT:role/NAME with the session name
keyhole-USER; suspended and closing accounts are skipped. --regions r1,r2
lists those regions in every account, all each account's enabled regions
(account:ListRegions), and none each profile's own region. --concurrency N
(8 unless set) bounds the accounts and regions listed at once. The config
file's fleet: section sets the same.

Each account's credentials are resolved once. A throttled page is asked
again after a pause that doubles from half a second while the others go on.
An account or region that fails (access denied, a region not enabled, a role
that cannot be assumed, an expired login) is shown in place and never stops
the rest: the line above the summary counts the targets done, listing,
failed and skipped and says why the first failed, and T lists every target
with its state, its secrets and the reason.

The list gains the ACCOUNT and REGION columns, the filter terms acct:NAME
(part of the account's name, or the start of its id) and region:PREFIX, and
a sort by account and region. enter opens a secret with its own account and
region's client, so every screen and, with --rw, every change works as in
one account; the header names the account and region of the secret on
screen. n creates in, and A shows the trail of, the account and region
keyhole started with. keyhole
--demo --fleet runs on the demo organisation through its KeyholeAudit role
in every enabled region.
`

const manualHygiene = `
Hygiene
-------

H on the list checks the secrets it loaded against Security Hub's Secrets
Manager controls (SecretsManager.1 to .5: rotation off, rotation failed or
stuck, not read, not rotated, required tags missing) and keyhole's own
(KH.1 a policy granting everyone or another account, KH.2 a failed
replica, KH.3 pending deletion but still read, KH.4 a shared secret under
the AWS managed key). Each row is a control with its severity and the
number of secrets failing it; enter lists those secrets with the reason,
and enter on one opens it. No value is read. The resource policies of the
first 200 secrets in use are read, four at a time, for KH.1 and KH.4; a
secret whose policy was not read is not counted, and the line under the
title says how many were. ctrl+r reads them again. The thresholds are set
under hygiene: in the config file. keyhole report runs the same checks for
scripts and CI (see keyhole report --help).
`

const manualUse = `
Using secrets without seeing them
---------------------------------

In the list, space marks a secret (a diamond, an asterisk in ASCII, before its name;
space again unmarks it) and = opens the masked diff of the two marked
secrets, or of the marked one and the one selected: key paths and what
happened to each, with counts, never a value. It reads both values (two
GetSecretValue events), fingerprints them with HMAC-SHA256 under a key made
for the screen, and drops them. With --fleet the two may live in different
accounts and regions; each is read where it lives.

S on a revealed field of the detail lists, in the status bar, the other
secrets read this session (AWSCURRENT values opened in the detail or
compared with =) whose fields hold the same value. The session keeps
fingerprints under a random key of its own, never the values. Numbers,
true, false, null and empty values are not compared.

Four commands use secrets without showing them; each one's --help (and man
page) says the rest:

- keyhole exec --secret NAME -- CMD runs CMD with a variable for each leaf
  of NAME's JSON value, named by its path in upper case (db.password is
  DB_PASSWORD), or one variable named after the secret's last path element.
  --secret NAME=PREFIX puts PREFIX first, --env VAR=NAME#KEY picks one
  leaf, and NAME may be PROFILE:REGION:NAME. A name set twice, or a key
  that would set PATH, LD_PRELOAD and the like, is an error naming both
  sources. Values reach CMD in its environment only; signals go on to CMD
  (an interrupt typed at the terminal reaches it by itself); keyhole exits
  with CMD's code, or 128+N after signal N. --conceal replaces each value
  of 4 characters or more in CMD's stdout and stderr with "concealed by
  keyhole" in angle brackets, a value split across writes included.
- keyhole env NAME... prints the same variables as dotenv (the default:
  KEY='value', as docker compose and python-dotenv read it), shell
  (export lines for sh) or json, with --prefix. On a terminal it reads
  nothing unless --reveal is given.
- keyhole diff A B compares NAME, NAME@STAGE, NAME#VERSIONID or
  PROFILE:REGION:NAME (with --demo, :REGION:NAME) key by key and exits 0
  when equal, 1 when different, 2 on trouble.
- keyhole dups --read-values [WORD...] reads the values of the listed
  secrets (with --fleet, across the fleet), saying first on a terminal how
  many GetSecretValue calls that is and asking (--yes does not ask), and
  prints groups of secret and key path that share a value, or --json.
`

const manualCreate = `
Creating a secret
-----------------

n in the list or the detail, with --rw. Fill in name, description, KMS key, tags and
kind, then the value. Names follow AWS's rules: 1 to 512 characters,
letters, digits and / _ + = . @ -. An invalid name is refused before
anything is sent, and the message names the first bad character and its
position. An empty KMS key means aws/secretsmanager. Tags are key=value
pairs separated by commas (team=payments, env=prod). The value can be:

- key/value pairs: type a key in the empty last row and a new row appears;
  the pairs are stored as a JSON object in the order typed;
- plaintext: one field;
- a binary file: a path (~/ works), read when you save, up to 65,536
  bytes.

Only values are masked as you type: the field shows the same fixed-width
mask whatever you typed, so the screen does not give the length away
either. ctrl+t shows the focused value as typed, or masks it again; moving
to another field, a remask (idle, suspend) or a generated password masks it
again. ctrl+g fills the focused value with a password from
GetRandomPassword (32 characters by default, with options for length,
characters to leave out, punctuation, numbers, case and space). ctrl+s
saves, tab and shift+tab move between fields, the left and right arrows
change the kind, and esc leaves (asking first if you typed anything). A
create carries a ClientRequestToken, so a retried request never makes two
secrets. If AWS refuses (name taken, name scheduled for deletion, invalid
name, access denied), the form stays as you left it and says why.
`

const manualEdit = `
Editing a value
---------------

e in the detail, with --rw, edits the value in place. keyhole reads the
current value (one GetSecretValue) and remembers its version as the base.

- A JSON object: every field is listed by its path (db.host, hosts[0]),
  masked with the fixed-width mask, also while you type into it. enter
  edits a field, v reveals the focused field (masked again when you move
  off it or after the reveal timeout), a adds a key, d deletes a key or
  keeps it again, and ctrl+g generates a password into the field. Key
  order, nesting, arrays, number literals and the document's layout are
  kept.
- Plaintext: edited as one field.
- Fields with several lines or control characters, and binary values, are
  not editable in place: use E.

E in the detail edits the value in your editor. The value is written to a
file (mode 0600) in a private directory (mode 0700), in $XDG_RUNTIME_DIR
when set, else /dev/shm, else the system's temporary directory, and keyhole
runs $VISUAL, else $EDITOR, else vi (arguments such as "code --wait" work;
no shell). The file is then read back, overwritten with zeros (the editor's
swap files in that directory too) and removed, also when the editor fails
or is interrupted, and when keyhole receives SIGTERM, SIGHUP or SIGQUIT
while the editor runs: ctrl+\ typed to an editor that leaves the terminal
in line mode ends keyhole (exit 131) with the file gone. ctrl+c there
belongs to the editor: keyhole goes on. With --debug, SIGQUIT also writes
every goroutine's stack to the debug log before keyhole exits (stacks hold
machine words, never the text they point to). A SIGKILL, a power cut, or
copies the editor keeps elsewhere (undo files, viminfo, backups) cannot be
cleaned; for vim, consider EDITOR="vim -n -i NONE". Binary values are
edited as base64. A JSON object stored on one line is handed to the editor
indented, one key a line, in its own key order, and written back on one
line; when only the layout changed, nothing is saved. JSON stored on
several lines is handed over and written back as it is. If nothing changed, nothing is written. The editor's
output is never captured, so nothing it prints can end up in an error
message.
`

const manualSave = `
Saving, and changes made meanwhile
----------------------------------

ctrl+s, then y, saves an edit. keyhole first checks that AWSCURRENT still
points at the base version. If someone else saved meanwhile, it shows
"AWSCURRENT moved from A to B since you started editing; your edit is kept"
and writes nothing. r then rebases: the new version becomes the base and
your changes are replayed on it, and fields you did not touch take the new
values.

- In place (e), where you both changed a field, yours wins and the status
  line says how many.
- In your editor (E), your value and the new one are merged field by field
  (every leaf of a JSON object, by its path): a field only you changed
  takes yours, a field only the other writer changed keeps theirs. Where
  you both changed a field to different values (or both changed a value
  that is not a JSON object), nothing is saved: keyhole names the fields
  (never their values), and E opens your text with the other writer's
  changes to the other fields merged in, so you can settle them before
  saving. esc goes back to editing.

Each save attempt sends its own ClientRequestToken, so the SDK's retries of
that attempt store at most one version. A save makes a new version labelled
AWSCURRENT, and the old one becomes AWSPREVIOUS. AWS has no conditional
write, so a change that lands between the check and the save (one round
trip) is not caught.

If the connection fails before AWS's answer arrives, the version may have
been written all the same. The token is the new version's id, so keyhole
looks it up among the secret's version ids (ListSecretVersionIds: metadata,
no value is read) and says what happened: "saved (the answer was lost;
version X is AWSCURRENT)", or that X was written but AWSCURRENT is now
another version, and the edit is done; or "nothing saved" when the version
is not there; or, when that check fails too, that it is not known whether
it was saved, and that h on the secret lists its versions: if version X is
there, it was. Saving again then shows X as the version AWSCURRENT moved
to, marked as your earlier save.
`

const manualLifecycle = `
Delete, restore, description and tags
-------------------------------------

With --rw. Every change asks for confirmation with y; deleting asks for the
secret's name. Without --rw the change keys say that they need it and do
nothing; the header always shows RO or RW.

- d deletes (in the list or the detail) with a recovery window of 7 to 30
  days (30 at first). The dialog shows the date the secret will be gone for
  good, and deletes only once you type the secret's name. Typing goes to the
  name first; tab moves to the recovery window and back. There is no force
  delete.
- u restores a secret pending deletion (D shows those in the list).
- A secret owned by another service (Owned by rds, …) is changed with a
  warning in every confirmation and in the delete dialog: "Owned by rds:
  changing it here can break rds or be undone by it."
- t edits the description and the tags, one KEY=VALUE per line. Tags are
  checked as AWS checks them (keys of 1 to 128 characters, values up to
  256, letters, digits, spaces and _ . : / = + - @, no aws: prefix) before
  anything is sent; only what changed is sent (UpdateSecret, TagResource,
  UntagResource), and the confirmation says what that is.
`

const manualKeys = `
Keys
----

? shows the keys of the screen on top first, then those of every other
screen; when they do not fit the terminal the movement keys scroll them and
the last line says which lines you see; any other key closes it. The status
bar's hints show the few keys each screen uses most. "keyhole keys" prints
every binding with its config name, with the config file's overrides
applied. The movement keys work in every list and table: up and down (k and
j), page up and down (pgup and pgdn, or ctrl+u and ctrl+d), top and bottom
(g and G). esc goes back, q quits, ctrl+c quits even while you type, and
ctrl+z suspends keyhole after masking every value and clearing the
clipboard.
`

const manualConfig = `
Config file
-----------

keyhole reads $XDG_CONFIG_HOME/keyhole/config.yaml (or
~/.config/keyhole/config.yaml, or the file --config names). Every key is
optional, and a flag given on the command line wins over the file. A bad
file stops keyhole with the line that is wrong, such as "config
c.yaml: line 2: reveal_timeout: want a duration such as 30s, 2m or 0
(never), not "soon"". The keys, with their defaults:

- reveal_timeout: 30s. Re-mask revealed values after this much idle time; 0
  never.
- clipboard_timeout: 30s. Clear a copied value from the clipboard after
  this long; 0 never.
- clipboard: auto. auto, osc52, system or off (see The clipboard).
- theme: auto. auto follows the terminal's background; dark or light force
  one.
- read_only: true. false starts as if --rw were given.
- mouse: false. true turns on the mouse wheel and clicks, as --mouse does.
- columns: [description, rotation, changed, accessed, tags]. The optional
  list columns, in any order; NAME is always shown.
- keys: key overrides by config name, each a list, such as "quit: [q]" or
  "copy_as: [C]" on lines of their own under keys:. A key that would do two
  things on one screen is refused.
- hygiene: the hygiene screen's thresholds, on lines of their own under
  hygiene:. unused_days: 90 and rotation_days: 90 (SecretsManager.3 and .4),
  required_tags: [owner] (SecretsManager.5), deleted_read_days: 30 (KH.3).
`

const manualSecurity = `
Security
--------

keyhole treats every secret value as sensitive and everything AWS returns
as hostile:

- Values are read only on request: listing and describing never call
  GetSecretValue, and copying a name or an ARN reads nothing.
- A hidden value is a fixed-width mask that does not give its length away,
  also while you type; diffs compare keyed fingerprints and show paths
  only.
- Revealed values mask again after the idle timeout, on focus loss, on
  suspend and when you leave the screen.
- Values redact themselves in logs, errors and panics; --debug logs message
  types only.
- Names, descriptions, tags, values, policies, CloudTrail fields and errors
  are sanitized: control characters, bidirectional overrides and invisible
  characters become visible escapes.
- KEY=value copies refuse keys that a shell, the loader or an interpreter
  would run as code.
- keyhole exec passes values in the environment only, never on a command
  line or in a file, and can conceal them in the output; diff, dups, the
  list's = and S compare keyed fingerprints and show paths only.
- Read-only unless started with --rw; every change asks first, deleting
  asks for the secret's name.
- Writes lose nothing: client request tokens, a check that AWSCURRENT did
  not move, field-by-field merges, recovery windows on delete.
- The clipboard is cleared after the timeout and on every way out, only if
  it still holds keyhole's copy, tmux's paste buffers included.
- Files for $EDITOR live in a private directory and are zeroed and removed
  whatever happens, short of SIGKILL or a power cut.

What keyhole cannot promise: a value you reveal is drawn by your terminal,
which may keep it in the scrollback of the alternate screen or in a session
recording; copies an editor keeps outside its private directory (undo
files, viminfo) are beyond its reach; AWS has no conditional write, so a
change landing between the conflict check and the save (one round trip)
goes unseen; and Go strings can't be wiped, so the SDK's decoded response
and the frames drawn while a value was revealed stay in freed memory until
it is reused.
`

const manualFiles = `
Files and environment
---------------------

- $XDG_CONFIG_HOME/keyhole/config.yaml: the config file.
- $XDG_STATE_HOME/keyhole/regions: the regions most recently used, for @.
- The file --debug names: a log of message types, never contents, created
  with mode 0600.
- $XDG_RUNTIME_DIR, else /dev/shm: where E writes the value for the editor.
- VISUAL, EDITOR: the editor E runs.
- NO_COLOR: no colours. LANG, LC_ALL: a locale that is not UTF-8 draws with
  ASCII.
- SSH_TTY, SSH_CONNECTION, DISPLAY, WAYLAND_DISPLAY, TMUX, STY, TERM: how
  --clipboard auto chooses, and how a copy reaches tmux and screen.
- GOGC: overrides the garbage collector's target of 50 (the heap grows by
  half the live data between collections) keyhole sets; GOMEMLIMIT sets a
  soft memory limit, none by default.
- The AWS SDK's variables: AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_CONFIG_FILE,
  AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL and the others the SDK
  reads.

keyhole exits 0 when you quit; 2 on a bad command line (an unknown flag or
command on any subcommand, a negative --reveal-timeout or
--clipboard-timeout, keyhole completion with a shell it has no script
for), when the config file binds one key to two actions of a screen, or
when there is no terminal to draw on (output to a pipe or a file, no
terminal to read keys from, or TERM=dumb: the message says to run it in a
terminal or to use keyhole ls and keyhole get); 128 plus the signal's
number when a signal ends it; and 1 on any other failure (a config file it
cannot read or parse among them: a syntax error names its line), with the
error on stderr in words, never with a value.
`
