/** +groupName=testdata.kubebuilder.io */
export {};
