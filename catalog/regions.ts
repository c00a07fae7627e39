/**
 * Regions and the partitions they belong to: a partition names its ARNs (`arn:aws-cn:...`) and its
 * service hosts (`*.amazonaws.com.cn` in China).
 */
import { type Partition } from './api.js';
import { fact, rule } from './provenance.js';

/** The partition a region is in: China's `cn-*`, GovCloud's `us-gov-*`, the others `aws`. */
export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The DNS suffix of a partition's regional service hosts (ECR registries, S3). */
export const DNS_SUFFIX = fact<Readonly<Record<Partition, string>>>(
  { aws: 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn', 'aws-us-gov': 'amazonaws.com' },
  rule('aws.china-endpoints'),
);

/** How an ARN of the partition starts. */
export const arnPrefix = (partition: Partition): string => `arn:${partition}:`;
