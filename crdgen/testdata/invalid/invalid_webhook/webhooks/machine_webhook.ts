/**
 * Webhook markers with one mistake each.
 * +kubebuilder:webhook:path=/validate-a,mutating=false,failurePolicy=Fail,sideEffects=Some,groups=a.example.com,resources=as,verbs=create,versions=v1,name=va.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/validate-b,mutating=false,failurePolicy=Fail,groups=a.example.com,resources=bs,verbs=create,versions=v1,name=vb.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/validate-c,url="https://c.example.com/validate",mutating=false,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=cs,verbs=create,versions=v1,name=vc.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:mutating=false,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ds,verbs=create,versions=v1,name=vd.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-e,mutating=true,failurePolicy=Fail,matchPolicy=Sometimes,sideEffects=None,groups=a.example.com,resources=es,verbs=create,versions=v1,name=me.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-f,mutating=true,failurePolicy=Fail,sideEffects=None,timeoutSeconds=31,groups=a.example.com,resources=fs,verbs=create,versions=v1,name=mf.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-g,mutating=true,failurePolicy=Retry,sideEffects=None,groups=a.example.com,resources=gs,verbs=create,versions=v1,name=mg.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-h,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=hs,verbs=create;patch,versions=v1,name=mh.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-i,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=is,verbs=create,versions=v1,name=mi.kb.io,admissionReviewVersions=v1,webhookVersions=v1beta1
 * +kubebuilder:webhook:path=/mutate-j,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=js,verbs=create,versions=v1,name=mj.kb.io,admissionReviewVersions={}
 * +kubebuilder:webhook:path=/mutate-k,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ks,verbs=create,versions=v1,name=mk.kb.io,admissionReviewVersions=v1,reinvocationPolicy=Always
 * +kubebuilder:webhook:path=/mutate-l,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ls,verbs=create,versions=v1,name=ml.kb.io,admissionReviewVersions=v1,servicePort=70000
 * +kubebuilder:webhook:path=/mutate-m,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ms,verbs=create,versions=v1,name=mm.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-m2,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ms,verbs=update,versions=v1,name=mm.kb.io,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-n,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=ns,verbs=create,versions=v1,admissionReviewVersions=v1
 * +kubebuilder:webhook:path=/mutate-o,mutating=true,failurePolicy=Fail,sideEffects=None,groups=a.example.com,resources=os,verbs=create,versions=v1,name=mo.kb.io,admissionReviewVersions=v1,patch=`{"timeoutSeconds":5}`
 * +kubebuilder:webhookconfiguration:mutating=true,name=first
 * +kubebuilder:webhookconfiguration:mutating=true,name=second
 */
export function setupWebhooks(): void {}
