package demoseed

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// valueMaker makes the value of one new version of a secret: a version with
// exactly one of String and Binary set.
type valueMaker func(d *dice) emulator.SeedVersion

// field is one member of an object.
type field struct {
	key   string
	value any
}

// object is a JSON object that keeps its members in the order written, as
// the secrets people store do.
type object []field

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := marshalCompact(f.key)
		if err != nil {
			return nil, err
		}
		value, err := marshalCompact(f.value)
		if err != nil {
			return nil, fmt.Errorf("member %q: %w", f.key, err)
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshalCompact is json.Marshal without HTML escaping, so passwords with
// & < > read as they are.
func marshalCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func textVersion(s string) emulator.SeedVersion { return emulator.SeedVersion{String: &s} }

// jsonVersion writes v as a compact JSON SecretString. The values here are
// built from strings, numbers and slices only, so encoding cannot fail.
func jsonVersion(v any) emulator.SeedVersion {
	b, err := marshalCompact(v)
	if err != nil {
		panic("demoseed: encode value: " + err.Error())
	}
	return textVersion(string(b))
}

func (d *dice) password(n int) string { return d.text(passwordChars, n) }

// fakePEM is a PEM block around random bytes: it looks like a key or a
// certificate and parses as neither.
func fakePEM(d *dice, kind string, size int) string {
	der := append([]byte{0x30, 0x82, byte(size >> 8), byte(size)}, d.bytes(size)...)
	body := base64.StdEncoding.EncodeToString(der)
	var b strings.Builder
	b.WriteString("-----BEGIN " + kind + "-----\n")
	for len(body) > 64 {
		b.WriteString(body[:64] + "\n")
		body = body[64:]
	}
	b.WriteString(body + "\n-----END " + kind + "-----\n")
	return b.String()
}

// rdsCredentials is the JSON the RDS rotation functions read and write.
func rdsCredentials(engine, host string, port int, user, db string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"engine", engine}, {"host", host}, {"port", port},
			{"username", user}, {"password", d.password(32)}, {"dbname", db},
		})
	}
}

// masterUserCredentials is what RDS stores in a managed master user secret.
func masterUserCredentials(user string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{{"username", user}, {"password", d.password(28)}})
	}
}

// login is a username and password for a service that is not a database.
func login(endpoint, user string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{{"endpoint", endpoint}, {"username", user}, {"password", d.password(24)}})
	}
}

// apiKey is a plain string key with a prefix that says it is not real.
func apiKey(prefix string, n int) valueMaker {
	return func(d *dice) emulator.SeedVersion { return textVersion(prefix + d.text(alnum, n)) }
}

// plainPassword is a bare password string.
func plainPassword(n int) valueMaker {
	return func(d *dice) emulator.SeedVersion { return textVersion(d.password(n)) }
}

// base64Key is n random bytes, base64-encoded, as encryption keys are kept.
func base64Key(n int) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return textVersion(base64.StdEncoding.EncodeToString(d.bytes(n)))
	}
}

// fixedValue always holds the same string.
func fixedValue(s string) valueMaker {
	return func(*dice) emulator.SeedVersion { return textVersion(s) }
}

// oauthClient is an OAuth 2.0 client registration.
func oauthClient(clientID, issuer string, redirects ...string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"client_id", clientID},
			{"client_secret", "demo_cs_" + d.text(alnum, 40)},
			{"issuer", issuer},
			{"token_uri", issuer + "/oauth2/token"},
			{"redirect_uris", redirects},
			{"scopes", []string{"openid", "profile", "email", "offline_access"}},
		})
	}
}

// sftpLogin is a login with an SSH private key.
func sftpLogin(host, user string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"host", host}, {"port", 22}, {"username", user},
			{"private_key", fakePEM(d, "OPENSSH PRIVATE KEY", 380)},
			{"known_host_fingerprint", "SHA256:" + d.text(alnum, 43)},
		})
	}
}

// sshPrivateKey is a bare SSH private key.
func sshPrivateKey() valueMaker {
	return func(d *dice) emulator.SeedVersion { return textVersion(fakePEM(d, "OPENSSH PRIVATE KEY", 380)) }
}

// jwtSigningKey is a token signing key with its key id.
func jwtSigningKey(issuer string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"kid", d.text(lowerHex, 16)}, {"alg", "RS256"}, {"issuer", issuer},
			{"private_key", fakePEM(d, "PRIVATE KEY", 1190)},
		})
	}
}

// apnsKey is an Apple push notification auth key.
func apnsKey(teamID, bundleID string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"key_id", d.text(upper32, 10)}, {"team_id", teamID}, {"bundle_id", bundleID},
			{"private_key", fakePEM(d, "PRIVATE KEY", 134)},
		})
	}
}

// fcmServiceAccount is a service account file for push notifications.
func fcmServiceAccount(project string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"type", "service_account"},
			{"project_id", project},
			{"private_key_id", d.text(lowerHex, 40)},
			{"private_key", fakePEM(d, "PRIVATE KEY", 1190)},
			{"client_email", "push-sender@" + project + ".iam.example.com"},
			{"client_id", d.text(digits, 21)},
			{"auth_uri", "https://accounts.example.com/o/oauth2/auth"},
			{"token_uri", "https://oauth2.example.com/token"},
		})
	}
}

// exampleAWSKeys holds the access key pair of the AWS documentation, which
// no account accepts.
func exampleAWSKeys() valueMaker {
	return fixedValue(`{"aws_access_key_id":"AKIAIOSFODNN7EXAMPLE","aws_secret_access_key":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"us-east-1"}`)
}

// registryAuths is a container registry pull secret (.dockerconfigjson).
func registryAuths(registry, user string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		token := d.text(alnum, 32)
		auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + token))
		return jsonVersion(object{{"auths", object{
			{registry, object{{"username", user}, {"password", token}, {"auth", auth}}},
		}}})
	}
}

// kafkaSASL is a SASL/SCRAM login with the brokers to reach.
func kafkaSASL(user string, brokers ...string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"bootstrap_servers", brokers}, {"security_protocol", "SASL_SSL"},
			{"sasl_mechanism", "SCRAM-SHA-512"}, {"username", user}, {"password", d.password(32)},
		})
	}
}

// githubApp is a CI app's identity and private key.
func githubApp(appID, installationID int) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return jsonVersion(object{
			{"app_id", appID}, {"installation_id", installationID},
			{"webhook_secret", d.text(lowerHex, 40)},
			{"private_key", fakePEM(d, "RSA PRIVATE KEY", 1190)},
		})
	}
}

// webhookURL is a URL whose path is the credential.
func webhookURL(base string) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		return textVersion(base + "/" + d.text(upper32, 9) + "/" + d.text(upper32, 11) + "/" + d.text(alnum, 24))
	}
}

// pkcs12Keystore is binary DER bytes, as a .p12 file holds.
func pkcs12Keystore(size int) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		der := append([]byte{0x30, 0x82, byte(size >> 8), byte(size), 0x02, 0x01, 0x03}, d.bytes(size)...)
		return emulator.SeedVersion{Binary: der}
	}
}

// pemChain is a certificate chain, leaf first, stored as SecretBinary.
func pemChain(certs int) valueMaker {
	return func(d *dice) emulator.SeedVersion {
		var b strings.Builder
		for range certs {
			b.WriteString(fakePEM(d, "CERTIFICATE", d.between(880, 1300)))
		}
		return emulator.SeedVersion{Binary: []byte(b.String())}
	}
}
