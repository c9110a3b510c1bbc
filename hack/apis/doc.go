package main

import (
	"go/ast"
	"go/token"
	"strings"
)

// docComment is a Go doc comment as uselessctl's crdgen reads JSDoc: the prose exactly as
// controller-gen's extractDoc sees it (marker comments removed before CommentGroup.Text()), and
// the markers controller-gen reads, in their Go spelling.
type docComment struct {
	prose   []string
	markers []string
	// allMarkers holds every marker, read or not (+genclient, +k8s:enum ...), for the generator.
	allMarkers []string
}

// Markers controller-gen v0.23 registers (pkg/crd/markers) that k8s.io/api uses, by name; every
// +kubebuilder: marker is kept too. Other markers (+protobuf, +genclient, +featureGate, the
// declarative-validation +k8s:... tags controller-gen does not read) are dropped, as
// controller-gen ignores them.
var readMarkers = map[string]bool{
	"optional": true, "required": true, "nullable": true, "default": true,
	"listType": true, "listMapKey": true, "mapType": true, "structType": true,
	"k8s:listType": true, "k8s:listMapKey": true, "k8s:optional": true, "k8s:required": true,
	"k8s:immutable": true, "k8s:maxItems": true, "k8s:minimum": true, "k8s:maximum": true, "k8s:enum": true,
}

func markerName(marker string) string {
	end := strings.IndexAny(marker, "= ")
	if end < 0 {
		return marker
	}
	return marker[:end]
}

func isReadMarker(marker string) bool {
	name := markerName(marker)
	if name == "default" && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(marker, "default=")), "ref(") {
		return false // controller-gen skips +default=ref(...) (pkg/crd/markers/validation.go, KubernetesDefault)
	}
	return readMarkers[name] || strings.HasPrefix(name, "kubebuilder:")
}

// markerText is the marker of a `// +name=value` comment without its `+`, or "" for prose.
func markerText(comment *ast.Comment) string {
	if !strings.HasPrefix(comment.Text, "//") {
		return ""
	}
	stripped := strings.TrimSpace(comment.Text[2:])
	if !strings.HasPrefix(stripped, "+") {
		return ""
	}
	return stripped[1:]
}

// readDoc reads a declaration's doc comment and, for markers only, the comment group separated
// from it by one blank line (where k8s.io/api puts +genclient and friends).
func readDoc(doc *ast.CommentGroup, detached *ast.CommentGroup) docComment {
	var result docComment
	for _, group := range []*ast.CommentGroup{detached, doc} {
		if group == nil {
			continue
		}
		for _, comment := range group.List {
			if marker := markerText(comment); marker != "" {
				result.allMarkers = append(result.allMarkers, marker)
				if isReadMarker(marker) {
					result.markers = append(result.markers, marker)
				}
			}
		}
	}
	if doc == nil {
		return result
	}
	prose := ast.CommentGroup{}
	for _, comment := range doc.List {
		if markerText(comment) == "" {
			prose.List = append(prose.List, comment)
		}
	}
	if text := strings.TrimRight(prose.Text(), "\n"); text != "" {
		result.prose = strings.Split(text, "\n")
	}
	return result
}

func (d docComment) has(marker string) bool {
	for _, m := range d.allMarkers {
		if markerName(m) == marker {
			return true
		}
	}
	return false
}

// detachedGroup is the comment group that ends one blank line above pos, if any.
func detachedGroup(fset *token.FileSet, file *ast.File, doc *ast.CommentGroup, pos token.Pos) *ast.CommentGroup {
	start := pos
	if doc != nil {
		start = doc.Pos()
	}
	startLine := fset.Position(start).Line
	for _, group := range file.Comments {
		if group.End() < start && fset.Position(group.End()).Line == startLine-2 {
			return group
		}
	}
	return nil
}
