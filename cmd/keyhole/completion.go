package main

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/keyhole-tui/keyhole/model"
)

// completionTimeout bounds the AWS call behind one press of tab.
const completionTimeout = 5 * time.Second

// completeSecretNames offers the names of secrets that start with what was
// typed, from one page of ListSecrets, for the shell's tab completion.
// Names a terminal would not show as typed are left out.
func completeSecretNames(g *globalFlags) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		const directive = cobra.ShellCompDirectiveNoFileComp
		if len(args) > 0 {
			return nil, directive
		}
		ctx, cancel := context.WithTimeout(cmd.Context(), completionTimeout)
		defer cancel()
		s, err := openSession(ctx, *g)
		if err != nil {
			return nil, directive
		}
		defer s.close()
		q := model.ListQuery{PageSize: lsPageSize}
		if toComplete != "" {
			q.Filters = []model.ListFilter{{Key: model.FilterName, Values: []string{toComplete}}}
		}
		page, err := s.client.ListSecretsPage(ctx, q, "")
		if err != nil {
			return nil, directive
		}
		var names []cobra.Completion
		for _, sec := range page.Secrets {
			if strings.HasPrefix(sec.Name, toComplete) && model.Sanitize(sec.Name) == sec.Name {
				names = append(names, sec.Name)
			}
		}
		return names, directive
	}
}
