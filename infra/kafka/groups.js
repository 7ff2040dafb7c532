// Who consumes what: each member of the project's consumer groups and the partitions it holds.
//   node infra/kafka/groups.js [group-prefix]     e.g. directory.   (KAFKA_BROKERS, default 127.0.0.1:9092)
// Run it before and after starting a second instance of a service to see the group rebalance.
const { AssignerProtocol, Kafka, logLevel } = require('kafkajs');

async function describe(broker, prefix = '') {
  const admin = new Kafka({ clientId: 'otr-groups', brokers: broker.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const names = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix)).sort();
    const { groups } = await admin.describeGroups(names);
    return groups.map((g) => ({
      group: g.groupId,
      state: g.state,
      members: g.members.map((m) => {
        const assignment = m.memberAssignment.length ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null;
        return {
          member: `${m.clientId}@${m.clientHost} ${m.memberId.slice(-8)}`,
          partitions: Object.entries(assignment?.assignment ?? {}).map(([t, ps]) => `${t}[${ps.join(',')}]`),
        };
      }),
    }));
  } finally {
    await admin.disconnect();
  }
}

module.exports = { describe };

if (require.main === module) {
  describe(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', process.argv[2]).then(
    (groups) => {
      for (const g of groups) {
        console.log(`${g.group} (${g.state}, ${g.members.length} member${g.members.length === 1 ? '' : 's'})`);
        for (const m of g.members) console.log(`  ${m.member}  ${m.partitions.join(' ') || '-'}`);
      }
    },
    (error) => {
      console.error(`groups: ${error.message}`);
      process.exit(1);
    },
  );
}
