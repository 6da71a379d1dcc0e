/**
 * The AWS provider plugin: machines are EC2 instances, started with hactl's cloud-init user data
 * and found again by their tags. Its only public type is the PF4J extension {@link
 * io.hactl.plugins.aws.AwsProvider}; the rest are its roles (settings, credentials, the EC2 calls
 * with throttling retries and error mapping, instance types, security groups, placement).
 */
package io.hactl.plugins.aws;
