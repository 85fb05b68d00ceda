#!/usr/bin/env perl
# Checks every inclusion proof of a Sextant evidence bundle with nothing but Perl's core modules,
# as an independent RFC 6962 / RFC 9162 verifier: each entry's leaf hash is SHA-256(0x00 || the
# UTF-8 bytes of its RFC 8785 text, the bundle's "canonical"), and its audit path must lead to the
# root of the bundle's signed tree head by the algorithm of RFC 9162 section 2.1.3.2, followed
# step by step below. It does not check the head's Ed25519 signature (Perl's core has no Ed25519):
# `sextant audit verify --bundle FILE --key PUB` or `openssl pkeyutl -verify -rawin` does.
#
# Usage: perl rfc6962-verify.pl BUNDLE.json
# Exit: 0 every proof holds; 1 one does not; 2 the file cannot be read as a bundle.
use strict;
use warnings;
use Digest::SHA qw(sha256);
use Encode qw(encode);
use JSON::PP;

sub node_hash {
    my ($left, $right) = @_;
    return sha256("\x01" . $left . $right);
}

# RFC 9162 section 2.1.3.2, "Verifying an Inclusion Proof".
sub verify_inclusion {
    my ($leaf_index, $tree_size, $hash, $inclusion_path, $root_hash) = @_;
    # 1. leaf_index must be below tree_size.
    return 0 if $leaf_index >= $tree_size;
    # 2. fn is leaf_index, sn is tree_size - 1.
    my $fn = $leaf_index;
    my $sn = $tree_size - 1;
    # 3. r is the leaf's hash.
    my $r = $hash;
    # 4. For each p of the path:
    for my $p (@$inclusion_path) {
        # a. a path longer than the tree is tall fails.
        return 0 if $sn == 0;
        # b. p is on the left when fn is a right child, or when fn is the last node of its level.
        if (($fn & 1) == 1 || $fn == $sn) {
            $r = node_hash($p, $r);
            if (($fn & 1) == 0) {
                while (($fn & 1) == 0 && $fn != 0) {
                    $fn >>= 1;
                    $sn >>= 1;
                }
            }
        } else {
            $r = node_hash($r, $p);
        }
        # c. one level up.
        $fn >>= 1;
        $sn >>= 1;
    }
    # 5. the path must reach the top, at the root hash.
    return $sn == 0 && $r eq $root_hash;
}

my $file = shift @ARGV;
if (!defined $file) {
    print STDERR "usage: perl rfc6962-verify.pl BUNDLE.json\n";
    exit 2;
}
open(my $in, '<:raw', $file) or do { print STDERR "$file: cannot read: $!\n"; exit 2 };
my $text = do { local $/; <$in> };
close $in;
my $bundle = eval { JSON::PP->new->utf8->decode($text) };
if (!$bundle || ref $bundle ne 'HASH' || ($bundle->{kind} // '') ne 'EvidenceBundle') {
    print STDERR "$file: not an evidence bundle (a JSON object of kind EvidenceBundle)\n";
    exit 2;
}
my $head = $bundle->{treeHead};
my $tree_size = $head->{treeSize};
my $root_hash = pack('H*', $head->{rootHash});
my ($held, $failed) = (0, 0);
for my $item (@{ $bundle->{entries} }) {
    my $sequence = $item->{entry}{sequence};
    my $leaf_hash = sha256("\x00" . encode('UTF-8', $item->{canonical}));
    my @path = map { pack('H*', $_) } @{ $item->{inclusionProof} };
    # Sextant numbers events from 1 and leaves from 0.
    if ($item->{leafIndex} == $sequence - 1
        && verify_inclusion($item->{leafIndex}, $tree_size, $leaf_hash, \@path, $root_hash)) {
        $held++;
    } else {
        print "entry $sequence: the inclusion proof does NOT lead to the root of the head of size $tree_size\n";
        $failed++;
    }
}
if ($failed || $held == 0) {
    print "$file: $failed of " . ($held + $failed) . " inclusion proofs fail\n";
    exit 1;
}
print "$file: all $held inclusion proofs lead to root $head->{rootHash} of the head of size $tree_size\n";
exit 0;
