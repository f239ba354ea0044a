import Testing

/// Every suite that runs the real daemon, one after another: several of them
/// load both cores on their own (5,000 files, 1,000 connections), and their
/// timing bounds are only fair when they are not sharing the machine.
@Suite(.serialized) enum EndToEnd {}
