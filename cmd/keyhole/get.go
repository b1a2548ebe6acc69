package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// getFlags are the flags of keyhole get.
type getFlags struct {
	key       string
	stage     string
	versionID string
	reveal    bool
	json      bool
}

// newGetCmd prints one secret value for scripts.
func newGetCmd(g *globalFlags) *cobra.Command {
	var f getFlags
	cmd := &cobra.Command{
		Use:   "get [flags] NAME",
		Short: "Print a secret's value to a pipe, or its metadata to a terminal",
		Long: `Print the value of the secret NAME (a name or an ARN): AWSCURRENT, or the
version that --stage or --version-id names.

To a pipe or a file the value goes out as its exact bytes: no newline is
added, and a binary value comes out raw. On a terminal keyhole does not read
the value unless --reveal is given: it prints the secret's metadata and a
hint instead. With --reveal a text value is printed sanitized and a binary
value as base64, each followed by a newline.

--key picks one leaf of a JSON value by its flattened path: nested keys
joined with dots, array items indexed ("db.host", "replicas[0].port"). A
string leaf prints without its quotes. A missing key is an error that lists
the keys the value has, never a value.

--json prints what "aws secretsmanager get-secret-value" prints (ARN, Name,
VersionId, SecretString or SecretBinary as base64, VersionStages,
CreatedDate); with --key it prints the leaf as JSON ("5432" as "5432", 5432
as 5432). On a terminal --json too needs --reveal.

Exit codes: 0 success; 1 any other error; 2 a bad command line; 3 the
secret, version, stage or key was not found; 4 AWS denied access. Errors go
to stderr in words and never carry the value.`,
		Example: `  keyhole get prod/db/postgres --key password | psql-login
  export API_KEY="$(keyhole get prod/api-key)"
  keyhole get prod/tls/keystore > keystore.p12
  keyhole get prod/db/postgres --stage AWSPREVIOUS --json | jq .VersionId
  keyhole get prod/api-key --reveal`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(fmt.Errorf("get takes one secret name or ARN, got %d arguments", len(args)))
			}
			return nil
		},
		ValidArgsFunction: completeSecretNames(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			return printable(runGet(cmd, *g, f, args[0]))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.key, "key", "", "print only this key of a JSON value (a flattened path such as db.host)")
	fs.StringVar(&f.stage, "stage", "", "read the version with this stage label (default AWSCURRENT)")
	fs.StringVar(&f.versionID, "version-id", "", "read this version")
	fs.BoolVar(&f.reveal, "reveal", false, "print the value even when stdout is a terminal")
	fs.BoolVar(&f.json, "json", false, "print JSON shaped like aws secretsmanager get-secret-value")
	return cmd
}

// runGet reads the value and prints it, or prints the metadata when the
// value would land on a terminal without --reveal.
func runGet(cmd *cobra.Command, g globalFlags, f getFlags, name string) error {
	if f.stage != "" && f.versionID != "" {
		return usageError(errors.New("give --stage or --version-id, not both"))
	}
	s, err := openSession(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer s.close()

	out := cmd.OutOrStdout()
	terminal := isTerminal(out)
	ref := model.ValueRef{SecretID: name, VersionID: f.versionID, Stage: f.stage}
	if terminal && !f.reveal {
		d, err := s.client.DescribeSecret(cmd.Context(), name)
		if err != nil {
			return fmt.Errorf("describe %s: %w", name, err)
		}
		if err := writeMetadata(out, d, ref); err != nil {
			return err
		}
		_, err = fmt.Fprintln(cmd.ErrOrStderr(), "keyhole: the value is not printed to a terminal: add --reveal, or send it to a pipe or a file")
		return err
	}
	v, err := s.client.GetSecretValue(cmd.Context(), ref)
	if err != nil {
		return fmt.Errorf("get the value of %s: %w", name, err)
	}
	return writeValue(out, v, f, terminal)
}
