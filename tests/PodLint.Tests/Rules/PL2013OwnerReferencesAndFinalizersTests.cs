using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2013OwnerReferencesAndFinalizersTests
{
    [Test]
    public void Empty_uid_message_path_and_type()
    {
        var d = RuleAssert.Findings("PL2013", RuleAssert.PodWithMetadata("  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: \"\"}]")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.ownerReferences.uid"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("owner reference `uid` is empty: uid must not be empty"));
        }
    }

    [Test]
    public void Two_controllers_name_both()
    {
        var d = RuleAssert.Findings("PL2013", RuleAssert.PodWithMetadata("""
              ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: "1", controller: true}
                - {apiVersion: apps/v1, kind: StatefulSet, name: b, uid: "2", controller: true}
            """)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.ownerReferences"));
            Assert.That(d.Message, Is.EqualTo("only one owner reference can have `controller: true`: found in the references for `ReplicaSet/a` and `StatefulSet/b`"));
        }
    }

    [Test]
    public void Event_cannot_own()
        => Assert.That(RuleAssert.Findings("PL2013", RuleAssert.PodWithMetadata("  ownerReferences: [{apiVersion: v1, kind: Event, name: e, uid: \"1\"}]")).Single().Message,
            Is.EqualTo("owner reference to an Event: /v1, Kind=Event is disallowed from being an owner"));

    [Test]
    public void Non_standard_finalizer_is_reported_at_its_index()
    {
        var d = RuleAssert.Findings("PL2013", RuleAssert.PodWithMetadata("  finalizers: [kubernetes, cleanup]")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.finalizers[1]"));
            Assert.That(d.Message, Is.EqualTo("finalizer `cleanup`: name is neither a standard finalizer name nor is it fully qualified"));
            Assert.That(d.Help, Is.EqualTo("prefix it with your domain (e.g. `example.com/cleanup`); only `kubernetes`, `orphan` and `foregroundDeletion` may stand alone"));
        }
    }

    [Test]
    public void Orphan_and_foreground_deletion_exclude_each_other()
    {
        var d = RuleAssert.Findings("PL2013", RuleAssert.PodWithMetadata("  finalizers: [orphan, foregroundDeletion]")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.finalizers"));
            Assert.That(d.Message, Is.EqualTo("finalizer orphan and foregroundDeletion cannot be both set"));
        }
    }
}
