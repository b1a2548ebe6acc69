package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// readers reads the secrets that references name, opening one client per
// profile and region a reference names, once.
type readers struct {
	s       *session
	g       globalFlags
	clients map[[2]string]*awsx.Client
}

// newReaders reads through the session's client, and opens others as
// PROFILE:REGION:NAME references ask.
func newReaders(s *session, g globalFlags) *readers {
	return &readers{s: s, g: g, clients: map[[2]string]*awsx.Client{}}
}

// read fetches the version a reference names.
func (r *readers) read(ctx context.Context, ref model.SecretRef) (model.SecretVersion, error) {
	c, err := r.client(ctx, ref)
	if err != nil {
		return model.SecretVersion{}, fmt.Errorf("open %s: %w", ref, err)
	}
	v, err := c.GetSecretValue(ctx, ref.Value())
	if err != nil {
		return model.SecretVersion{}, fmt.Errorf("get the value of %s: %w", ref, err)
	}
	return v, nil
}

// client is the client for a reference's profile and region. With --demo
// there are no profiles: :REGION:NAME reads the demo's credentials in
// another region.
func (r *readers) client(ctx context.Context, ref model.SecretRef) (*awsx.Client, error) {
	if !ref.Elsewhere || ref.Profile == "" && ref.Region == "" {
		return r.s.client, nil
	}
	where := [2]string{ref.Profile, ref.Region}
	if c, ok := r.clients[where]; ok {
		return c, nil
	}
	var (
		c   *awsx.Client
		err error
	)
	switch {
	case r.s.demo && ref.Profile != "":
		return nil, errors.New("--demo has no profiles: write :REGION:NAME for another region")
	case ref.Profile == "":
		c, err = r.s.client.InRegion(ctx, ref.Region)
	default:
		c, err = awsx.New(ctx, awsx.Options{
			Profile: ref.Profile, Region: ref.Region, EndpointURL: r.g.endpointURL,
			MFAToken: (&mfaOnce{}).token,
		})
	}
	if err != nil {
		return nil, err
	}
	r.clients[where] = c
	return c, nil
}
