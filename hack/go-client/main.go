// Command go-client is a controller-runtime program of uselessctl's own: against the cluster its
// kubeconfig names it creates a Job and a Deployment through the typed client, watches them through a
// controller-runtime cache (informers), updates the Deployment, and deletes both, with every request
// and response body in protobuf. It prints one line per step and exits 0 when every step passed, 1
// otherwise: test/e2e/go_client.test.ts runs it against the local API server and kube-apiserver.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/wait"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	toolscache "k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

const protobuf = "application/vnd.kubernetes.protobuf"

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "the kubeconfig of the cluster")
	namespace := flag.String("namespace", "go-client", "the namespace to create (and delete) for the run")
	timeout := flag.Duration("timeout", 60*time.Second, "how long each wait may take")
	useProtobuf := flag.Bool("protobuf", true, "send and accept protobuf (false: JSON, to tell a protobuf gap from others)")
	flag.Parse()
	if err := run(*kubeconfig, *namespace, *timeout, *useProtobuf); err != nil {
		fmt.Printf("FAIL %v\n", err)
		os.Exit(1)
	}
	fmt.Println("PASS")
}

// contentTypes records the media types of the bodies each verb sent and received, so that the
// run can tell protobuf was spoken, not only asked for.
type contentTypes struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (c *contentTypes) wrap(rt http.RoundTripper) http.RoundTripper {
	return roundTripperFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := rt.RoundTrip(req)
		c.mu.Lock()
		defer c.mu.Unlock()
		if req.Body != nil && req.Header.Get("Content-Type") != "" {
			c.seen[fmt.Sprintf("%s request %s", req.Method, mediaType(req.Header.Get("Content-Type")))] = true
		}
		if err == nil && resp.Header.Get("Content-Type") != "" {
			c.seen[fmt.Sprintf("%s response %s", req.Method, mediaType(resp.Header.Get("Content-Type")))] = true
		}
		return resp, err
	})
}

func (c *contentTypes) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for key := range c.seen {
		out = append(out, key)
	}
	sort.Strings(out)
	return out
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func mediaType(value string) string {
	return strings.TrimSpace(strings.SplitN(value, ";", 2)[0])
}

// events counts what the informers delivered, by "<kind> <event> <name>".
type events struct {
	mu   sync.Mutex
	seen map[string]int
}

func (e *events) handler(kind string) toolscache.ResourceEventHandlerFuncs {
	record := func(event string, obj interface{}) {
		if tombstone, ok := obj.(toolscache.DeletedFinalStateUnknown); ok {
			obj = tombstone.Obj
		}
		named, ok := obj.(client.Object)
		if !ok {
			return
		}
		e.mu.Lock()
		defer e.mu.Unlock()
		e.seen[fmt.Sprintf("%s %s %s", kind, event, named.GetName())]++
	}
	return toolscache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj interface{}) { record("added", obj) },
		UpdateFunc: func(_, obj interface{}) { record("updated", obj) },
		DeleteFunc: func(obj interface{}) { record("deleted", obj) },
	}
}

func (e *events) has(key string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.seen[key] > 0
}

func run(kubeconfig, namespace string, timeout time.Duration, useProtobuf bool) error {
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return fmt.Errorf("kubeconfig %q: %w", kubeconfig, err)
	}
	// controller-runtime sends built-in kinds as protobuf unless told otherwise
	cfg.ContentType, cfg.AcceptContentTypes = "application/json", "application/json"
	if useProtobuf {
		cfg.ContentType, cfg.AcceptContentTypes = protobuf, protobuf+",application/json"
	}
	recorded := &contentTypes{seen: map[string]bool{}}
	cfg.Wrap(recorded.wrap)

	scheme := runtime.NewScheme()
	if err := clientgoscheme.AddToScheme(scheme); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	c, err := client.New(rest.CopyConfig(cfg), client.Options{Scheme: scheme})
	if err != nil {
		return fmt.Errorf("client: %w", err)
	}
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: namespace}}
	if err := c.Create(ctx, ns); err != nil {
		return fmt.Errorf("create namespace %s: %w", namespace, err)
	}
	defer func() { _ = c.Delete(context.Background(), ns) }()
	step("created namespace %s", namespace)

	informers, err := cache.New(rest.CopyConfig(cfg), cache.Options{
		Scheme:            scheme,
		DefaultNamespaces: map[string]cache.Config{namespace: {}},
	})
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	seen := &events{seen: map[string]int{}}
	for kind, obj := range map[string]client.Object{"Job": &batchv1.Job{}, "Deployment": &appsv1.Deployment{}} {
		informer, err := informers.GetInformer(ctx, obj)
		if err != nil {
			return fmt.Errorf("informer for %s: %w", kind, err)
		}
		if _, err := informer.AddEventHandler(seen.handler(kind)); err != nil {
			return fmt.Errorf("event handler for %s: %w", kind, err)
		}
	}
	go func() { _ = informers.Start(ctx) }()
	if !informers.WaitForCacheSync(ctx) {
		return fmt.Errorf("the cache did not sync")
	}
	step("cache synced: informers for Jobs and Deployments in %s", namespace)

	job, deployment := newJob(namespace), newDeployment(namespace)
	for _, obj := range []client.Object{job, deployment} {
		if err := c.Create(ctx, obj); err != nil {
			return fmt.Errorf("create %s: %w", describe(obj), err)
		}
		step("created %s (uid %s)", describe(obj), obj.GetUID())
	}
	if err := checkDefaults(job, deployment); err != nil {
		return err
	}
	if err := waitFor(ctx, timeout, seen, "Job added pi", "Deployment added web"); err != nil {
		return err
	}

	// The cache serves what the informers hold: read the Deployment back through it.
	var cached appsv1.Deployment
	if err := wait.PollUntilContextTimeout(ctx, 50*time.Millisecond, timeout, true, func(ctx context.Context) (bool, error) {
		return informers.Get(ctx, client.ObjectKeyFromObject(deployment), &cached) == nil, nil
	}); err != nil {
		return fmt.Errorf("the cache never held %s: %w", describe(deployment), err)
	}
	step("cache holds %s at resourceVersion %s", describe(deployment), cached.ResourceVersion)

	updated := cached.DeepCopy()
	replicas := int32(3)
	updated.Spec.Replicas = &replicas
	if err := c.Update(ctx, updated); err != nil {
		return fmt.Errorf("update %s: %w", describe(updated), err)
	}
	if updated.Generation != cached.Generation+1 {
		return fmt.Errorf("update %s: generation %d after %d, expected one more", describe(updated), updated.Generation, cached.Generation)
	}
	step("updated %s to 3 replicas (generation %d)", describe(updated), updated.Generation)
	if err := waitFor(ctx, timeout, seen, "Deployment updated web"); err != nil {
		return err
	}

	background := client.PropagationPolicy(metav1.DeletePropagationBackground)
	for _, obj := range []client.Object{job, updated} {
		if err := c.Delete(ctx, obj, background); err != nil {
			return fmt.Errorf("delete %s: %w", describe(obj), err)
		}
		step("deleted %s", describe(obj))
	}
	if err := waitFor(ctx, timeout, seen, "Job deleted pi", "Deployment deleted web"); err != nil {
		return err
	}
	var gone appsv1.Deployment
	if err := c.Get(ctx, client.ObjectKeyFromObject(deployment), &gone); !apierrors.IsNotFound(err) {
		return fmt.Errorf("get %s after its deletion: expected NotFound, got %v", describe(deployment), err)
	}
	step("get %s after deletion: NotFound", describe(deployment))

	types := recorded.list()
	step("bodies: %s", strings.Join(types, ", "))
	if !useProtobuf {
		return nil
	}
	for _, want := range []string{"POST request " + protobuf, "POST response " + protobuf, "PUT request " + protobuf, "DELETE request " + protobuf, "GET response " + protobuf} {
		if !recorded.seen[want] {
			return fmt.Errorf("no %s was seen", want)
		}
	}
	return nil
}

func step(format string, args ...interface{}) {
	fmt.Printf("ok   "+format+"\n", args...)
}

func describe(obj client.Object) string {
	kind := fmt.Sprintf("%T", obj)
	kind = kind[strings.LastIndex(kind, ".")+1:]
	return fmt.Sprintf("%s %s/%s", kind, obj.GetNamespace(), obj.GetName())
}

// checkDefaults checks what the server's defaulting adds, as a reconciler comparing its desired
// object with the stored one must expect.
func checkDefaults(job *batchv1.Job, deployment *appsv1.Deployment) error {
	var problems []string
	if deployment.Spec.Replicas == nil || *deployment.Spec.Replicas != 1 {
		problems = append(problems, "Deployment spec.replicas not defaulted to 1")
	}
	if deployment.Spec.Strategy.Type != appsv1.RollingUpdateDeploymentStrategyType {
		problems = append(problems, "Deployment spec.strategy.type not defaulted to RollingUpdate")
	}
	if deployment.Spec.RevisionHistoryLimit == nil || *deployment.Spec.RevisionHistoryLimit != 10 {
		problems = append(problems, "Deployment spec.revisionHistoryLimit not defaulted to 10")
	}
	if job.Spec.Selector == nil || job.Spec.Template.Labels["batch.kubernetes.io/controller-uid"] != string(job.UID) {
		problems = append(problems, "Job spec.selector and template labels not generated from its uid")
	}
	if job.Spec.BackoffLimit == nil || *job.Spec.BackoffLimit != 6 {
		problems = append(problems, "Job spec.backoffLimit not defaulted to 6")
	}
	if len(problems) > 0 {
		return fmt.Errorf("defaults: %s", strings.Join(problems, "; "))
	}
	step("server defaults present: Deployment replicas 1, RollingUpdate, revisionHistoryLimit 10; Job selector from uid, backoffLimit 6")
	return nil
}

func waitFor(ctx context.Context, timeout time.Duration, seen *events, keys ...string) error {
	for _, key := range keys {
		if err := wait.PollUntilContextTimeout(ctx, 20*time.Millisecond, timeout, true, func(context.Context) (bool, error) {
			return seen.has(key), nil
		}); err != nil {
			return fmt.Errorf("the informer never delivered %q: %w", key, err)
		}
		step("informer: %s", key)
	}
	return nil
}

func newJob(namespace string) *batchv1.Job {
	return &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{Namespace: namespace, Name: "pi"},
		Spec: batchv1.JobSpec{
			Template: corev1.PodTemplateSpec{
				Spec: corev1.PodSpec{
					RestartPolicy: corev1.RestartPolicyNever,
					Containers:    []corev1.Container{{Name: "pi", Image: "perl:5.34", Command: []string{"perl", "-Mbignum=bpi", "-wle", "print bpi(20)"}}},
				},
			},
		},
	}
}

func newDeployment(namespace string) *appsv1.Deployment {
	labels := map[string]string{"app": "web"}
	return &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Namespace: namespace, Name: "web"},
		Spec: appsv1.DeploymentSpec{
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{
					Containers: []corev1.Container{{Name: "web", Image: "nginx:1.27", Ports: []corev1.ContainerPort{{ContainerPort: 80}}}},
				},
			},
		},
	}
}
