package main

import (
	"fmt"
	"strings"
)

// isKind: a type client-gen makes a client for (+genclient), unless it has no verbs of its own
// (policy/v1 Eviction is only a subresource's body).
func isKind(decl *typeDecl) bool {
	return decl.doc.has("genclient") && !decl.doc.has("genclient:noVerbs")
}

// pluralExceptions are Kubernetes' own (hack/update-codegen.sh's --plural-exceptions).
var pluralExceptions = map[string]string{"Endpoints": "Endpoints"}

// plural is gengo's NewAllLowercasePluralNamer, the resource name client-gen (and the server) use.
func plural(singular string) string {
	if exception, ok := pluralExceptions[singular]; ok {
		return strings.ToLower(exception)
	}
	if len(singular) < 2 {
		return strings.ToLower(singular)
	}
	last, beforeLast := singular[len(singular)-1], singular[len(singular)-2]
	isConsonant := strings.IndexByte("bcdfghjklmnpqrstvwxyz", beforeLast) >= 0
	var result string
	switch {
	case last == 's' || last == 'x' || last == 'z':
		result = singular + "es"
	case last == 'y' && isConsonant:
		result = singular[:len(singular)-1] + "ies"
	case last == 'h' && (beforeLast == 'c' || beforeLast == 's'):
		result = singular + "es"
	case last == 'e' && beforeLast == 'f':
		result = singular[:len(singular)-2] + "ves"
	case last == 'f':
		result = singular[:len(singular)-1] + "ves"
	default:
		result = singular + "s"
	}
	return strings.ToLower(result)
}

// writeKinds declares each kind for the runtime, as a scaffolded types file declares its own.
func (w *moduleWriter) writeKinds(kinds []*typeDecl) {
	if len(kinds) == 0 {
		return
	}
	fmt.Fprintf(&w.body, "/** The %s group version: every kind below registers with it. */\n", w.apiVersion())
	fmt.Fprintf(&w.body, "export const SchemeGroupVersion = defineGroupVersion({ group: %q, version: %q });\n\n", w.pkg.group, w.pkg.version)
	for _, kind := range kinds {
		namespaced := ""
		if kind.doc.has("genclient:nonNamespaced") {
			namespaced = ", namespaced: false"
		}
		fmt.Fprintf(&w.body, "/** The %s kind, for the client, the cache and the builder (`client.get(%s, key)`). */\n", kind.name, kind.name)
		fmt.Fprintf(&w.body, "export const %s = SchemeGroupVersion.kind<%s>({ kind: %q, plural: %q%s });\n\n",
			kind.name, kind.name, kind.name, plural(kind.name), namespaced)
	}
}

func (w *moduleWriter) apiVersion() string {
	if w.pkg.group == "" {
		return w.pkg.version
	}
	return w.pkg.group + "/" + w.pkg.version
}
