/** +groupName=example.com */
export {};
